// Package pdfdoc writes printable PDF documents — letters, receipts,
// reports — in Jol's five languages, Persian shaped and laid out right to
// left. It knows nothing of sponsors or campaigns: a domain builds a
// Document from its own data and text in the reader's language, and a
// Renderer writes it.
//
//	r, err := pdfdoc.New() // once per process: parses and cuts the embedded fonts
//	doc := pdfdoc.Document{
//		Lang:       i18n.FA,
//		Letterhead: &pdfdoc.Letterhead{Name: org.Name, Lines: org.Address},
//		Blocks: []pdfdoc.Block{
//			pdfdoc.Heading{Text: title, Level: 1},
//			pdfdoc.Paragraph{Text: body},
//			pdfdoc.Signatory{Name: name, Position: position},
//		},
//	}
//	err = r.Write(w, doc)          // one file
//	err = r.WriteAll(w, docs...)   // one file for printing, each document from a new page
//
// How text is drawn: go-text's segmenter splits a paragraph into runs by
// bidi level, script and face; its HarfBuzz port shapes each run (Arabic
// joining forms, lam-alef) and its line wrapper breaks the lines and
// orders the runs of each line visually. fpdf draws characters rather than
// glyphs, so each shaped glyph is mapped back to the character the font
// maps to it — a presentation form for a joined Persian letter — and each
// run is drawn as one string, left to right. Kerning and optional
// ligatures are off so that fpdf's advances match the shaper's. Text
// extracted from the PDF (pdftotext, copy and paste) comes out in logical
// order with presentation forms; NFKC turns them into the letters.
package pdfdoc
