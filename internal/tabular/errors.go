package tabular

import (
	"errors"
	"fmt"
	"strings"

	"github.com/jolproject/jol/internal/errs"
)

// The failures of this package. Open and Next return each as an *errs.Error
// carrying an i18n key (see the constants below) that wraps it, so callers
// test the kind with errors.Is and show the key with errs.As; only a failure
// to read the io.ReaderAt itself comes back as it is.
var (
	// ErrEmpty: the file has no bytes, or no record with a non-empty cell.
	ErrEmpty = errors.New("tabular: empty file")
	// ErrOldExcel: an OLE2 compound file, that is a BIFF .xls workbook or a
	// password-protected .xlsx.
	ErrOldExcel = errors.New("tabular: old Excel or encrypted workbook")
	// ErrFormat: neither CSV text nor an XLSX workbook (PDF, image, other zip).
	ErrFormat = errors.New("tabular: not a CSV or XLSX file")
	// ErrEncoding: the text is not UTF-8, UTF-16 with a BOM, Windows-1251 or
	// Windows-1256.
	ErrEncoding = errors.New("tabular: unknown text encoding")
	// ErrDuplicateHeader: two header cells have the same name.
	ErrDuplicateHeader = errors.New("tabular: duplicated column name")
	// ErrTooLarge: the workbook unpacks to more than the limits allow.
	ErrTooLarge = errors.New("tabular: workbook too large when unpacked")
	// ErrLimit: the file passes one of the caps of limits.go (a cell, the
	// columns, the rows, a record, the shared strings, an XML token).
	ErrLimit = errors.New("tabular: file beyond the reading limits")
	// ErrBadRow: one record cannot be read (a misplaced quote, bytes that are
	// not UTF-8). It is the only error after which Next may be called again.
	ErrBadRow = errors.New("tabular: unreadable record")
)

// The i18n keys of the errors, with their arguments in braces.
const (
	KeyEmpty           = "tabular.empty"
	KeyOldExcel        = "tabular.old_excel"
	KeyFormat          = "tabular.format"
	KeyEncoding        = "tabular.encoding"
	KeyDuplicateHeader = "tabular.duplicate_header" // {Name} {First} {Second}
	KeyTooLarge        = "tabular.too_large"        // {Limit} in MiB
	KeyQuote           = "tabular.quote"            // {Line}
	KeyBadText         = "tabular.bad_text"         // {Line}
	KeyCellTooLong     = "tabular.cell_too_long"    // {Line} {Limit}
	KeyTooManyColumns  = "tabular.too_many_columns" // {Line} {Limit}
	KeyTooManyRows     = "tabular.too_many_rows"    // {Limit}
	KeyRecordTooLong   = "tabular.record_too_long"  // {Line} {Limit} in KiB
	KeyTooManyStrings  = "tabular.too_many_strings" // {Limit}
	KeyStringTooLong   = "tabular.string_too_long"  // {Item} {Limit}
	KeyXMLLimit        = "tabular.xml_limit"        // {Part}
	KeyCompressed      = "tabular.compressed"       // {Part} {Ratio}
	KeyDamaged         = "tabular.damaged"          // {Part}
)

func failEmpty() error    { return errs.Wrap(ErrEmpty, errs.Invalid, KeyEmpty) }
func failOldExcel() error { return errs.Wrap(ErrOldExcel, errs.Invalid, KeyOldExcel) }
func failEncoding() error { return errs.Wrap(ErrEncoding, errs.Invalid, KeyEncoding) }

func failFormat(cause error) error {
	if cause == nil {
		return errs.Wrap(ErrFormat, errs.Invalid, KeyFormat)
	}
	return errs.Wrap(fmt.Errorf("%w: %w", ErrFormat, cause), errs.Invalid, KeyFormat)
}

func failTooLarge(limit int64) error {
	return errs.Wrap(ErrTooLarge, errs.TooLarge, KeyTooLarge, "Limit", limit>>20)
}

func failPartTooLarge(part string, limit int64) error {
	return errs.Wrap(fmt.Errorf("%w: %s", ErrTooLarge, part), errs.TooLarge, KeyTooLarge, "Limit", limit>>20)
}

func failCompressed(part string, ratio uint64) error {
	return errs.Wrap(fmt.Errorf("%w: %s packed %d times", ErrTooLarge, part, ratio), errs.TooLarge,
		KeyCompressed, "Part", part, "Ratio", ratio)
}

func failDamaged(part string, cause error) error {
	return errs.Wrap(fmt.Errorf("%w: %s: %w", ErrFormat, part, cause), errs.Invalid, KeyDamaged, "Part", part)
}

// failLimit reports the cap passed under key, with its arguments.
func failLimit(key string, args ...any) error {
	return errs.Wrap(fmt.Errorf("%w: %s %v", ErrLimit, key, args), errs.TooLarge, key, args...)
}

func failQuote(line int, cause error) error {
	return errs.Wrap(fmt.Errorf("%w: %w", ErrBadRow, cause), errs.Invalid, KeyQuote, "Line", line)
}

func failBadText(line int) error {
	return errs.Wrap(fmt.Errorf("%w: invalid UTF-8", ErrBadRow), errs.Invalid, KeyBadText, "Line", line)
}

// recoverFormat turns a panic of the workbook parser into ErrFormat: a
// crafted upload must not bring the server down.
func recoverFormat(err *error) {
	if p := recover(); p != nil {
		*err = failFormat(fmt.Errorf("panic: %v", p))
	}
}

// checkHeader fails when two header names are equal once trimmed and
// lower-cased; empty names are left to the caller. Columns count from 1.
func checkHeader(header []string) error {
	seen := make(map[string]int, len(header))
	for i, h := range header {
		k := strings.ToLower(strings.TrimSpace(h))
		if k == "" {
			continue
		}
		if first, ok := seen[k]; ok {
			return errs.Wrap(ErrDuplicateHeader, errs.Invalid, KeyDuplicateHeader,
				"Name", strings.TrimSpace(h), "First", first, "Second", i+1)
		}
		seen[k] = i + 1
	}
	return nil
}
