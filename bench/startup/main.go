// Command startup measures how fast "jol serve" starts on an empty SQLite
// database and how much memory it holds when idle.
//
//	go build -o /tmp/jol ./cmd/jol && go run ./bench/startup -bin /tmp/jol -runs 10
//
// Each run starts the binary on a new, empty database file, times the
// moment from exec until /healthz answers 200, waits, reads the resident
// set size from /proc (Linux), then stops the server with SIGTERM and
// times the graceful shutdown.
package main

import (
	"bufio"
	"flag"
	"fmt"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"syscall"
	"time"
)

func main() {
	bin := flag.String("bin", "", "path to a built jol binary")
	runs := flag.Int("runs", 10, "number of runs")
	idle := flag.Duration("idle", 5*time.Second, "how long to let the server idle before reading its memory")
	flag.Parse()
	if *bin == "" {
		fmt.Fprintln(os.Stderr, "give -bin, the path to a built jol binary")
		os.Exit(2)
	}
	var starts, stops []time.Duration
	var rss []int
	for i := range *runs {
		s, r, st, err := once(*bin, *idle)
		if err != nil {
			fmt.Fprintf(os.Stderr, "run %d: %v\n", i+1, err)
			os.Exit(1)
		}
		starts, rss, stops = append(starts, s), append(rss, r), append(stops, st)
	}
	slices.Sort(starts)
	slices.Sort(stops)
	slices.Sort(rss)
	n := len(starts)
	fmt.Printf("runs %d\n", n)
	fmt.Printf("cold start to healthy: min %v median %v max %v\n", ms(starts[0]), ms(starts[n/2]), ms(starts[n-1]))
	fmt.Printf("idle RSS after %v: min %.1f MB median %.1f MB max %.1f MB\n", *idle, mb(rss[0]), mb(rss[n/2]), mb(rss[n-1]))
	fmt.Printf("graceful shutdown: min %v median %v max %v\n", ms(stops[0]), ms(stops[n/2]), ms(stops[n-1]))
}

var urlRE = regexp.MustCompile(`url=(http://\S+)`)

func once(bin string, idle time.Duration) (start time.Duration, rssKB int, stop time.Duration, err error) {
	dir, err := os.MkdirTemp("", "jol-startup-")
	if err != nil {
		return 0, 0, 0, err
	}
	defer os.RemoveAll(dir)
	cmd := exec.Command(bin, "serve", "--db", filepath.Join(dir, "jol.db"), "--addr", "127.0.0.1:0")
	cmd.Env = append(os.Environ(), "JOL_DB=", "JOL_ADDR=")
	logs, err := cmd.StderrPipe()
	if err != nil {
		return 0, 0, 0, err
	}
	t0 := time.Now()
	if err := cmd.Start(); err != nil {
		return 0, 0, 0, err
	}
	defer cmd.Process.Kill()
	sc := bufio.NewScanner(logs)
	var base string
	for sc.Scan() {
		if m := urlRE.FindStringSubmatch(sc.Text()); m != nil {
			base = m[1]
			break
		}
	}
	if base == "" {
		return 0, 0, 0, fmt.Errorf("the server printed no address")
	}
	go func() {
		for sc.Scan() {
		}
	}()
	for {
		res, err := http.Get(base + "/healthz")
		if err == nil {
			res.Body.Close()
			if res.StatusCode == 200 {
				break
			}
		}
		if time.Since(t0) > 30*time.Second {
			return 0, 0, 0, fmt.Errorf("not healthy after 30 s")
		}
		time.Sleep(2 * time.Millisecond)
	}
	start = time.Since(t0)
	time.Sleep(idle)
	if rssKB, err = residentKB(cmd.Process.Pid); err != nil {
		return 0, 0, 0, err
	}
	t1 := time.Now()
	if err := cmd.Process.Signal(syscall.SIGTERM); err != nil {
		return 0, 0, 0, err
	}
	if err := cmd.Wait(); err != nil {
		return 0, 0, 0, fmt.Errorf("exit after SIGTERM: %w", err)
	}
	return start, rssKB, time.Since(t1), nil
}

func residentKB(pid int) (int, error) {
	b, err := os.ReadFile(fmt.Sprintf("/proc/%d/status", pid))
	if err != nil {
		return 0, err
	}
	for _, line := range strings.Split(string(b), "\n") {
		if rest, ok := strings.CutPrefix(line, "VmRSS:"); ok {
			return strconv.Atoi(strings.TrimSuffix(strings.TrimSpace(rest), " kB"))
		}
	}
	return 0, fmt.Errorf("no VmRSS in /proc/%d/status", pid)
}

func ms(d time.Duration) string { return fmt.Sprintf("%.1f ms", float64(d.Microseconds())/1000) }
func mb(kb int) float64         { return float64(kb) / 1024 }
