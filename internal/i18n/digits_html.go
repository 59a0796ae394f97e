package i18n

import "bytes"

// verbatim are the elements whose text is copied as it is by HTMLDigits:
// code and machine output, scripts and styles, and the text a form sends
// back (a textarea's content is its value).
var verbatim = [][]byte{[]byte("code"), []byte("pre"), []byte("script"), []byte("style"), []byte("textarea"), []byte("kbd"), []byte("samp")}

// HTMLDigits writes page to dst with the ASCII digits of its text written
// in the locale's digits, so that on a Persian page every number reads in
// Persian digits — counts, record numbers, ID numbers, phone numbers —
// not only those a template formatted. It leaves alone what is not text a
// person reads: tags and their attributes (links, form values), character
// references such as &#39;, and the content of code, pre, kbd, samp,
// script, style and textarea. For a locale that writes ASCII digits it
// returns page unchanged.
//
// page must be well-formed output of html/template, which escapes "<" and
// ">" inside attribute values, so the first ">" after "<" ends a tag.
func (l Locale) HTMLDigits(dst, page []byte) []byte {
	if l != FA {
		return append(dst, page...)
	}
	skip := []byte(nil) // the verbatim element we are inside, if any
	for i := 0; i < len(page); {
		c := page[i]
		switch {
		case c == '<':
			end := bytes.IndexByte(page[i:], '>')
			if end < 0 {
				return append(dst, page[i:]...)
			}
			tag := page[i : i+end+1]
			dst = append(dst, tag...)
			i += end + 1
			if name, closing := tagName(tag); skip == nil && !closing {
				skip = verbatimTag(name)
			} else if closing && skip != nil && bytes.EqualFold(name, skip) {
				skip = nil
			}
		case c == '&':
			end := bytes.IndexByte(page[i:], ';')
			if end < 0 || end > 32 {
				end = 0
			}
			dst = append(dst, page[i:i+end+1]...)
			i += end + 1
		case c >= '0' && c <= '9' && skip == nil:
			dst = append(dst, string(persianZero+rune(c-'0'))...)
			i++
		default:
			dst = append(dst, c)
			i++
		}
	}
	return dst
}

// tagName returns the element name of a tag such as <td class="x"> or
// </td>, and whether it closes an element.
func tagName(tag []byte) (name []byte, closing bool) {
	t := tag[1:]
	if len(t) > 0 && t[0] == '/' {
		closing, t = true, t[1:]
	}
	n := 0
	for n < len(t) && (t[n] >= 'a' && t[n] <= 'z' || t[n] >= 'A' && t[n] <= 'Z' || t[n] >= '0' && t[n] <= '9') {
		n++
	}
	return t[:n], closing
}

// verbatimTag returns the verbatim element name is, or nil.
func verbatimTag(name []byte) []byte {
	for _, v := range verbatim {
		if bytes.EqualFold(name, v) {
			return v
		}
	}
	return nil
}
