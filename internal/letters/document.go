package letters

import (
	"bytes"
	"encoding/json"
	"time"

	"github.com/jolproject/jol/internal/i18n"
	"github.com/jolproject/jol/internal/pdfdoc"
)

// Content is a letter as it was written: everything its PDF is drawn
// from, kept with the letter (as JSON) so that the combined file for
// printing is drawn from exactly the letters sent.
type Content struct {
	Locale            string    `json:"locale"`
	Created           time.Time `json:"created"`
	Organisation      string    `json:"organisation"`
	Lines             []string  `json:"lines,omitempty"`
	Date              string    `json:"date"`
	Subject           string    `json:"subject"`
	Paragraphs        []string  `json:"paragraphs"`
	SignatoryName     string    `json:"signatory_name,omitempty"`
	SignatoryPosition string    `json:"signatory_position,omitempty"`
}

// Document is the PDF document of c: the letterhead, the date at the
// end of the line, the subject as heading, the paragraphs and the
// signature block.
func (c Content) Document() pdfdoc.Document {
	l, _ := i18n.Parse(c.Locale)
	blocks := []pdfdoc.Block{
		pdfdoc.Paragraph{Text: c.Date, Align: pdfdoc.End},
		pdfdoc.Heading{Text: c.Subject, Level: 1},
	}
	for _, p := range c.Paragraphs {
		blocks = append(blocks, pdfdoc.Paragraph{Text: p})
	}
	if c.SignatoryName != "" || c.SignatoryPosition != "" {
		blocks = append(blocks, pdfdoc.Signatory{Name: c.SignatoryName, Position: c.SignatoryPosition})
	}
	return pdfdoc.Document{Lang: l, Title: c.Subject, Created: c.Created,
		Letterhead: &pdfdoc.Letterhead{Name: c.Organisation, Lines: c.Lines}, Blocks: blocks,
		PageNumber: func(page, pages int) string {
			if pages == 1 {
				return ""
			}
			return l.Digits(itoa(int64(page)) + " / " + itoa(int64(pages)))
		}}
}

// compose fills template t for one recipient: values are the
// placeholders' values.
func compose(t Template, h Letterhead, locale i18n.Locale, date time.Time, loc *i18n.Localizer, values map[string]string) Content {
	values["organisation"] = h.Name
	values["signatory"] = h.SignatoryName
	values["position"] = h.SignatoryPosition
	values["date"] = loc.Date(date)
	return Content{Locale: string(locale), Created: date, Organisation: h.Name, Lines: h.Lines,
		Date: values["date"], Subject: fill(t.Subject, values), Paragraphs: paragraphs(fill(t.Body, values)),
		SignatoryName: h.SignatoryName, SignatoryPosition: h.SignatoryPosition}
}

// render draws c as a PDF and returns it with c as JSON.
func (s *Service) render(c Content) (doc []byte, pdf []byte, err error) {
	r, err := s.pdf()
	if err != nil {
		return nil, nil, err
	}
	var buf bytes.Buffer
	if err := r.Write(&buf, c.Document()); err != nil {
		return nil, nil, err
	}
	doc, err = json.Marshal(c)
	return doc, buf.Bytes(), err
}
