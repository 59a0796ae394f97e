// Command requestload measures POST /api/v1/requests on SQLite under a
// sustained load, and a hello-world net/http handler under the same load
// generator for comparison.
//
//	go run ./bench/requestload -db load.db -duration 60s -clients 64
//
// It makes a new database (foundation, an operator with an API token, an
// open campaign in Karaganda region offering a kit, and one child per
// request it may send), then starts the server as a child process of
// itself (-serve) on a local port, so the generator and the server share
// the machine but not the Go runtime. -clients workers on keep-alive
// connections each send one request after another for -duration, each
// for a child of its own; a 201 is an accepted request. It then measures
// the hello-world server (also a child process) the same way, stops both
// and counts the requests in the database, which must equal the accepted
// ones: every answer was given after its commit.
//
// With -rules the campaign has the kits' default eligibility rules, so
// every accepted request is evaluated after its commit, in batches, while
// the load goes on; -need 50 puts half the children in a category of
// need, so that half is eligible and ranked (the others fail the
// category rule). The last line says how many were evaluated, and
// ranked, when the server stopped.
package main

import (
	"context"
	"flag"
	"fmt"
	"net/http"
	"os"
	"os/exec"
	"strings"
	"time"
)

func main() {
	dsn := flag.String("db", "", "the SQLite file to create")
	serve := flag.String("serve", "", "run as the server: \"api\" or \"hello\" (used by the command itself)")
	addr := flag.String("addr", "127.0.0.1:18181", "where the server listens")
	duration := flag.Duration("duration", 60*time.Second, "how long each load lasts")
	clients := flag.Int("clients", 64, "concurrent clients")
	children := flag.Int("children", 400_000, "children to register, one per request sent at most")
	rules := flag.Bool("rules", false, "give the campaign eligibility rules, so each request is evaluated after its commit")
	need := flag.Int("need", 0, "percent of the children in a category of need with valid evidence: with -rules, eligible and ranked")
	flag.Parse()
	var err error
	switch *serve {
	case "api":
		err = serveAPI(*dsn, *addr)
	case "hello":
		err = serveHello(*addr)
	default:
		err = run(*dsn, *addr, *duration, *clients, world{children: *children, rules: *rules, need: *need})
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "requestload:", err)
		os.Exit(1)
	}
}

func run(dsn, addr string, duration time.Duration, clients int, wd world) error {
	if dsn == "" {
		return fmt.Errorf("give -db")
	}
	if wd.need < 0 || wd.need > 100 {
		return fmt.Errorf("-need is a percentage")
	}
	ctx := context.Background()
	fx, err := prepare(ctx, dsn, wd)
	if err != nil {
		return err
	}
	api, err := start("api", dsn, addr)
	if err != nil {
		return err
	}
	res := load(ctx, "http://"+addr+"/api/v1/requests", fx, clients, duration)
	stop(api)
	hello, err := start("hello", dsn, addr)
	if err != nil {
		return err
	}
	hres := load(ctx, "http://"+addr+"/", fixture{}, clients, duration)
	stop(hello)
	stored, evaluated, ranked, err := count(ctx, dsn)
	if err != nil {
		return err
	}
	fmt.Printf("clients %d, %s each\n", clients, duration)
	fmt.Println("POST /api/v1/requests:", res)
	fmt.Println("hello world:          ", hres)
	fmt.Printf("ratio %.3f; requests in the database %d, accepted %d, evaluated when the server stopped %d (ranked %d)\n",
		res.rate()/hres.rate(), stored, res.ok, evaluated, ranked)
	if int64(stored) != res.ok {
		return fmt.Errorf("%d requests stored, %d accepted", stored, res.ok)
	}
	return nil
}

// start runs this command as a server and waits until it answers.
func start(mode, dsn, addr string) (*exec.Cmd, error) {
	self, err := os.Executable()
	if err != nil {
		return nil, err
	}
	cmd := exec.Command(self, "-serve", mode, "-db", dsn, "-addr", addr)
	cmd.Stdout, cmd.Stderr = os.Stdout, os.Stderr
	if err := cmd.Start(); err != nil {
		return nil, err
	}
	for range 200 {
		if r, err := http.Get("http://" + addr + "/ready"); err == nil {
			r.Body.Close()
			if strings.HasPrefix(r.Status, "200") {
				return cmd, nil
			}
		}
		time.Sleep(50 * time.Millisecond)
	}
	stop(cmd)
	return nil, fmt.Errorf("%s server did not start", mode)
}

// stop ends a server and waits for it.
func stop(cmd *exec.Cmd) {
	_ = cmd.Process.Signal(os.Interrupt)
	_ = cmd.Wait()
}
