package imports

import (
	"bufio"
	"encoding/json"
	"errors"
	"io"
	"os"
)

// spool keeps the rejected rows of a run in a temporary file while it
// goes on, so they cost no memory and are written to the database in one
// transaction once the run is over: a run's rejected rows are all there or
// none are.
type spool struct {
	f   *os.File
	w   *bufio.Writer
	enc *json.Encoder
	n   int
	err error
}

func newSpool(dir string) (*spool, error) {
	f, err := os.CreateTemp(dir, "rejects-*.jsonl")
	if err != nil {
		return nil, err
	}
	w := bufio.NewWriter(f)
	return &spool{f: f, w: w, enc: json.NewEncoder(w)}, nil
}

// add records one reason; the first failure to write is kept in err.
func (sp *spool) add(e RowError) {
	if sp.err == nil {
		sp.err = sp.enc.Encode(e)
		sp.n++
	}
}

// each calls fn with every reason recorded, in order.
func (sp *spool) each(fn func(seq int, e RowError) error) error {
	if sp.err != nil {
		return sp.err
	}
	if err := sp.w.Flush(); err != nil {
		return err
	}
	if _, err := sp.f.Seek(0, io.SeekStart); err != nil {
		return err
	}
	dec := json.NewDecoder(bufio.NewReader(sp.f))
	dec.UseNumber()
	for seq := 1; ; seq++ {
		var e RowError
		err := dec.Decode(&e)
		if errors.Is(err, io.EOF) {
			return nil
		}
		if err != nil {
			return err
		}
		e.Args = typedArgs(e.Args)
		if err := fn(seq, e); err != nil {
			return err
		}
	}
}

func (sp *spool) close() error {
	return errors.Join(sp.f.Close(), os.Remove(sp.f.Name()))
}
