package main

import (
	"bufio"
	"encoding/csv"
	"fmt"
	"io"
	"os"
	"strings"
)

// eachRow calls fn with every row of the CSV file at path, through get,
// which returns a row's cell in a named column ("" when the file lacks
// it). Columns are found by their header, in any order. need lists
// columns the file must have.
func eachRow(path string, need []string, fn func(get func(col string) string) error) error {
	f, err := os.Open(path)
	if err != nil {
		return err
	}
	defer f.Close()
	r := csv.NewReader(bufio.NewReaderSize(f, 1<<20))
	r.FieldsPerRecord = -1
	r.ReuseRecord = true
	head, err := r.Read()
	if err != nil {
		return fmt.Errorf("%s: header: %w", path, err)
	}
	cols := map[string]int{}
	for i, h := range head {
		cols[strings.ToLower(strings.TrimSpace(strings.TrimPrefix(h, "\ufeff")))] = i
	}
	for _, c := range need {
		if _, ok := cols[c]; !ok {
			return fmt.Errorf("%s: no column %q", path, c)
		}
	}
	var row []string
	get := func(col string) string {
		if i, ok := cols[col]; ok && i < len(row) {
			return strings.TrimSpace(row[i])
		}
		return ""
	}
	for n := 2; ; n++ {
		row, err = r.Read()
		if err == io.EOF {
			return nil
		}
		if err != nil {
			return fmt.Errorf("%s: %w", path, err)
		}
		if err := fn(get); err != nil {
			return fmt.Errorf("%s line %d: %w", path, n, err)
		}
	}
}
