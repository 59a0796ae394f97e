package imports

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"io"
	"sync"
	"sync/atomic"

	"github.com/jolproject/jol/internal/access"
)

// File reads an uploaded file back from the database, one chunk at a
// time: only the chunk being read is held in memory, so a file of
// MaxUploadBytes never is. It is an io.Reader and an io.ReaderAt (safe for
// parallel ReadAt calls, as tabular.Open needs).
type File struct {
	ctx  context.Context
	s    *Service
	id   int64
	size int64
	off  int64 // where Read goes on

	mu    sync.Mutex
	seq   int64 // the chunk in buf; -1 before the first
	buf   []byte
	reach atomic.Int64 // the end of the last ReadAt, for progress
}

// File opens the file of upload id for reading, if p may see the upload.
func (s *Service) File(ctx context.Context, p access.Principal, id int64) (*File, error) {
	up, err := s.Upload(ctx, p, id)
	if err != nil {
		return nil, err
	}
	if up.Purged {
		return nil, errPurged
	}
	return s.file(ctx, up), nil
}

func (s *Service) file(ctx context.Context, up Upload) *File {
	return &File{ctx: ctx, s: s, id: up.ID, size: up.Size, seq: -1}
}

// Size is the length of the file in bytes.
func (f *File) Size() int64 { return f.size }

// Read reads the file in order.
func (f *File) Read(b []byte) (int, error) {
	n, err := f.ReadAt(b, f.off)
	f.off += int64(n)
	if err == io.EOF && n > 0 {
		err = nil
	}
	return n, err
}

// ReadAt reads len(b) bytes from off, fetching the chunks it spans.
func (f *File) ReadAt(b []byte, off int64) (int, error) {
	if off < 0 {
		return 0, errors.New("imports: negative offset")
	}
	n := 0
	for n < len(b) && off+int64(n) < f.size {
		at := off + int64(n)
		c, err := f.copyFrom(b[n:], at)
		n += c
		if err != nil {
			return n, err
		}
	}
	f.reach.Store(off + int64(n))
	if n < len(b) {
		return n, io.EOF
	}
	return n, nil
}

// copyFrom copies into b what the chunk holding offset at has from there.
func (f *File) copyFrom(b []byte, at int64) (int, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	seq := at / ChunkSize
	if seq != f.seq {
		f.buf = f.buf[:0]
		err := f.s.db.R.QueryRowContext(f.ctx, f.s.q.Chunk, f.id, seq).Scan(&f.buf)
		if errors.Is(err, sql.ErrNoRows) {
			return 0, errPurged
		}
		if err != nil {
			f.seq = -1
			return 0, fmt.Errorf("imports: upload %d chunk %d: %w", f.id, seq, err)
		}
		f.seq = seq
	}
	start := at - seq*ChunkSize
	if start >= int64(len(f.buf)) {
		return 0, fmt.Errorf("imports: upload %d chunk %d is short", f.id, seq)
	}
	return copy(b, f.buf[start:]), nil
}

// Reached is how far into the file the last ReadAt went: the progress of
// a reader that goes through the file in order.
func (f *File) Reached() int64 { return f.reach.Load() }
