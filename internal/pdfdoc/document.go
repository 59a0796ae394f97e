package pdfdoc

import (
	"time"

	"github.com/jolproject/jol/internal/i18n"
)

// Document is one document — a letter, a receipt, a report — described as
// a letterhead and a list of blocks drawn one under the other on A4
// pages. Its language sets the direction (Persian is laid out right to
// left: text, letterhead, tables and charts mirrored) and the digits of
// the page numbers. The text itself is given ready, in that language: the
// package translates nothing.
type Document struct {
	// Lang is the document's language; an unknown one is treated as
	// left-to-right.
	Lang i18n.Locale
	// Title goes into the PDF's metadata.
	Title string
	// Created is the PDF's creation date; zero means the time of writing.
	// Set it for output that is the same byte for byte on every run.
	Created time.Time
	// Letterhead, when set, heads the first page.
	Letterhead *Letterhead
	// Blocks are the content, in reading order.
	Blocks []Block
	// Footer is a small line of text at the foot of every page, such as
	// the organisation's contacts; it may be empty.
	Footer string
	// PageNumber labels each page in the footer, counting within this
	// document; nil gives "2 / 5" in the language's digits ("۲ / ۵" in
	// Persian). Return "" to leave page numbers out.
	PageNumber func(page, pages int) string
}

// Letterhead is the organisation's heading on a document's first page.
type Letterhead struct {
	Name  string   // the organisation's name, in bold
	Lines []string // address lines, phone, e-mail
	Note  string   // optional small print under the lines, such as a registration number
}

// Block is one piece of a document's content. The set is closed: the
// types of this package are the blocks there are (Heading, Paragraph,
// KeyValues, Table, Figure, Signatory, PageBreak).
type Block interface {
	draw(w *writer)
}

// Align is a horizontal alignment, named by the direction of writing so
// that it mirrors itself in right-to-left text: Start is left in English
// and right in Persian.
type Align int

// The alignments.
const (
	Start Align = iota
	End
	Center
)

// Heading is a title in bold: level 1 large, level 2 (or any other) smaller.
type Heading struct {
	Text  string
	Level int
}

// Paragraph is running text, wrapped to the page's width. A newline in
// Text starts a new line. Digits, Latin reference numbers and other
// left-to-right runs inside Persian text keep their own order.
type Paragraph struct {
	Text  string
	Bold  bool
	Small bool // a smaller size, for notes and small print
	Align Align
}

// KeyValues is a block of labelled values, a label and its value a row,
// such as a receipt's "Amount: 50 000 KZT".
type KeyValues []KeyValue

// KeyValue is one row of KeyValues.
type KeyValue struct {
	Key, Value string
}

// Signatory is the signature block at the foot of a letter: a line to
// sign on, then the name in bold and the position under it.
type Signatory struct {
	Name     string
	Position string
}

// PageBreak starts a new page.
type PageBreak struct{}
