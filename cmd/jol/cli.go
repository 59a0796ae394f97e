package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"strings"

	"github.com/jolproject/jol/internal/store"
)

// env is the outside world a command sees, passed in so tests can run
// commands in-process with their own input, output and environment.
type env struct {
	getenv func(string) string
	stdin  io.Reader
	stdout io.Writer
	stderr io.Writer
}

// Exit codes.
const (
	exitOK    = 0
	exitError = 1 // the command failed
	exitUsage = 2 // wrong flags or arguments
	exitDB    = 3 // the database cannot be opened or migrated
)

type command struct {
	name    string
	summary string
	run     func(ctx context.Context, e env, args []string) error
}

func commands() []command {
	return []command{
		{"serve", "serve the web UI, the JSON API and background jobs", cmdServe},
		{"demo", "create or reuse jol-demo.db with sample data and serve it", cmdDemo},
		{"migrate", "apply database migrations and report the schema version", cmdMigrate},
		{"user", "manage users: jol user add", cmdUser},
		{"token", "manage API tokens: jol token create", cmdToken},
		{"import", "import a list: jol import TARGET FILE (jol import --help lists them)", cmdImport},
		{"allocate", "allocate a campaign's stock: jol allocate --campaign C [--dry-run] [--json]", cmdAllocate},
		{"report", "a closed campaign's final report: jol report --campaign C --format pdf|xlsx -o FILE", cmdReport},
		{"link", "link two CSV lists of people: jol link --left A.csv --right B.csv --pairs P.csv --unmatched-left L.csv", cmdLink},
		{"backup", "write a consistent copy of the database to FILE", cmdBackup},
		{"stock", "check the stock ledger: jol stock verify", cmdStock},
		{"version", "print the version", cmdVersion},
	}
}

// errUsage marks an error the user made on the command line.
var errUsage = errors.New("usage")

// run executes one command line and returns the process exit code.
func run(ctx context.Context, args []string, e env) int {
	if len(args) == 0 || args[0] == "help" || args[0] == "-h" || args[0] == "--help" {
		usage(e.stdout)
		return exitOK
	}
	for _, c := range commands() {
		if c.name != args[0] {
			continue
		}
		err := c.run(ctx, e, args[1:])
		switch {
		case err == nil, errors.Is(err, flag.ErrHelp):
			return exitOK
		case errors.Is(err, errUsage):
			fmt.Fprintf(e.stderr, "jol %s: %v\n", c.name, err)
			return exitUsage
		case errors.Is(err, store.ErrOpen), errors.Is(err, errMigrate):
			fmt.Fprintf(e.stderr, "jol %s: %v\n", c.name, err)
			return exitDB
		default:
			fmt.Fprintf(e.stderr, "jol %s: %v\n", c.name, err)
			return exitError
		}
	}
	fmt.Fprintf(e.stderr, "jol: unknown command %q\n\n", args[0])
	usage(e.stderr)
	return exitUsage
}

func usage(w io.Writer) {
	fmt.Fprintln(w, "Jol runs education-support programmes for children and young people.")
	fmt.Fprintln(w, "\nUsage: jol COMMAND [flags]   (jol COMMAND --help for its flags)\n\nCommands:")
	for _, c := range commands() {
		fmt.Fprintf(w, "  %-8s %s\n", c.name, c.summary)
	}
}

// flags makes a flag set whose flags also read JOL_* environment
// variables: a flag given on the command line wins over the variable,
// which wins over the default.
type flags struct {
	*flag.FlagSet
	e    env
	envs map[string]string // flag name -> variable
}

func newFlags(e env, name, synopsis string) *flags {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(e.stderr)
	f := &flags{FlagSet: fs, e: e, envs: map[string]string{}}
	fs.Usage = func() {
		fmt.Fprintf(e.stderr, "Usage: jol %s\n\nFlags (each also read from the environment variable shown):\n", synopsis)
		fs.PrintDefaults()
	}
	return f
}

func envName(flagName string) string {
	return "JOL_" + strings.ToUpper(strings.ReplaceAll(flagName, "-", "_"))
}

// String defines a string flag backed by its environment variable.
func (f *flags) String(name, def, help string) *string {
	v := f.e.getenv(envName(name))
	if v == "" {
		v = def
	}
	f.envs[name] = envName(name)
	return f.FlagSet.String(name, v, help+" ["+envName(name)+"]")
}

// Int defines an integer flag backed by its environment variable.
func (f *flags) Int(name string, def int, help string) *int {
	v := def
	if s := f.e.getenv(envName(name)); s != "" {
		if _, err := fmt.Sscan(s, &v); err != nil {
			v = def
		}
	}
	return f.FlagSet.Int(name, v, help+" ["+envName(name)+"]")
}

// parse parses args and turns flag errors into usage errors.
func (f *flags) parse(args []string) error {
	if err := f.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return err
		}
		return fmt.Errorf("%w: %v", errUsage, err)
	}
	return nil
}
