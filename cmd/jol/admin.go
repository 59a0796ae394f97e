package main

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/jolproject/jol/internal/access"
	"github.com/jolproject/jol/internal/accounts"
	"github.com/jolproject/jol/internal/store"
)

func cmdMigrate(ctx context.Context, e env, args []string) error {
	f := newFlags(e, "migrate", "migrate [flags]")
	dsn := f.String("db", "jol.db", "SQLite file, or a postgres:// URL for PostgreSQL")
	if err := f.parse(args); err != nil {
		return err
	}
	db, err := store.Open(ctx, *dsn)
	if err != nil {
		return err
	}
	defer db.Close()
	before, err := db.SchemaVersion(ctx)
	if err != nil {
		before = 0 // a new database has no schema_migrations table yet
	}
	after, err := db.Migrate(ctx)
	if err != nil {
		return fmt.Errorf("%w: %w", errMigrate, err)
	}
	fmt.Fprintf(e.stdout, "schema version %d (was %d, %s)\n", after, before, db.Engine)
	return nil
}

func cmdUser(ctx context.Context, e env, args []string) error {
	if len(args) == 0 || args[0] != "add" {
		return fmt.Errorf("%w: expected \"jol user add\"", errUsage)
	}
	f := newFlags(e, "user add", "user add --email E --name N --role R [--org ID] [--region CODE] < password")
	dsn := f.String("db", "jol.db", "SQLite file, or a postgres:// URL for PostgreSQL")
	email := f.FlagSet.String("email", "", "e-mail address, used to log in")
	name := f.FlagSet.String("name", "", "full name")
	role := f.FlagSet.String("role", "", "one of: "+roleList())
	org := f.FlagSet.Int64("org", 0, "organisation id (see the Organisations page)")
	region := f.FlagSet.String("region", "", "region code the user is limited to, e.g. KZ-75")
	locale := f.FlagSet.String("locale", "", "language: kk, ru, en, fr or fa")
	if err := f.parse(args[1:]); err != nil {
		return err
	}
	password, err := readPassword(e.stdin)
	if err != nil {
		return err
	}
	a, err := openApp(ctx, *dsn, newLogger(io.Discard))
	if err != nil {
		return err
	}
	defer a.Close()
	u, err := a.Accounts.Create(ctx, access.System, accounts.NewUser{Email: *email, Name: *name,
		Role: access.Role(*role), OrgID: *org, Region: *region, Locale: *locale, Password: password})
	if err != nil {
		return describe(a, e, err)
	}
	fmt.Fprintf(e.stdout, "created user %d %s (%s)\n", u.ID, u.Email, u.Role)
	return nil
}

// readPassword takes the first line of standard input, so a password never
// appears in the process list or the shell history.
func readPassword(r io.Reader) (string, error) {
	line, err := bufio.NewReader(r).ReadString('\n')
	if err != nil && !errors.Is(err, io.EOF) {
		return "", err
	}
	pw := strings.TrimRight(line, "\r\n")
	if pw == "" {
		return "", fmt.Errorf("%w: give the password on standard input, e.g. jol user add … < password.txt", errUsage)
	}
	return pw, nil
}

func roleList() string {
	var s []string
	for _, r := range access.Roles() {
		s = append(s, string(r))
	}
	return strings.Join(s, ", ")
}

func cmdToken(ctx context.Context, e env, args []string) error {
	if len(args) == 0 || args[0] != "create" {
		return fmt.Errorf("%w: expected \"jol token create\"", errUsage)
	}
	f := newFlags(e, "token create", "token create --user EMAIL --name NAME")
	dsn := f.String("db", "jol.db", "SQLite file, or a postgres:// URL for PostgreSQL")
	email := f.FlagSet.String("user", "", "e-mail of the user the token acts as")
	name := f.FlagSet.String("name", "", "what the token is for, e.g. \"school import script\"")
	if err := f.parse(args[1:]); err != nil {
		return err
	}
	a, err := openApp(ctx, *dsn, newLogger(io.Discard))
	if err != nil {
		return err
	}
	defer a.Close()
	u, err := a.Accounts.LookupEmail(ctx, *email)
	if err != nil {
		return fmt.Errorf("user %q: %w", *email, describe(a, e, err))
	}
	secret, _, err := a.Accounts.CreateToken(ctx, access.System, u.ID, *name)
	if err != nil {
		return describe(a, e, err)
	}
	fmt.Fprintln(e.stdout, secret)
	fmt.Fprintln(e.stderr, "This token is shown once; store it now. Revoke it on the Tokens page.")
	return nil
}

func cmdBackup(ctx context.Context, e env, args []string) error {
	f := newFlags(e, "backup", "backup [flags] FILE")
	dsn := f.String("db", "jol.db", "SQLite file to back up")
	if err := f.parse(args); err != nil {
		return err
	}
	if f.NArg() != 1 {
		return fmt.Errorf("%w: give the backup file name", errUsage)
	}
	out := f.Arg(0)
	db, err := store.Open(ctx, *dsn)
	if err != nil {
		return err
	}
	defer db.Close()
	if _, err := os.Stat(out); err == nil {
		return fmt.Errorf("%s already exists; choose a new file name", out)
	}
	if err := db.Backup(ctx, out); err != nil {
		return err
	}
	fmt.Fprintf(e.stdout, "backup written to %s\n", out)
	return nil
}
