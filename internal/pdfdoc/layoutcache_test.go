package pdfdoc

import (
	"reflect"
	"strconv"
	"testing"
)

// TestLaidOutTextIsKeptAndTheSame: a text laid out a second time comes
// from the cache, and is what shaping it afresh gives, in each language.
func TestLaidOutTextIsKeptAndTheSame(t *testing.T) {
	r := renderer(t)
	cached := newShaper(r.regular, r.bold, newLayoutCache())
	fresh := newShaper(r.regular, r.bold, nil)
	for _, s := range samples() {
		text := s.doc.Blocks[1].(Paragraph).Text + "\n" + s.doc.Letterhead.Name
		rtl := s.lang.Dir() == "rtl"
		first := cached.lines(text, string(s.lang), rtl, false, 40)
		again := cached.lines(text, string(s.lang), rtl, false, 40)
		if len(first) < 3 || &again[0] != &first[0] {
			t.Errorf("%s: the second layout was not the kept one (%d lines)", s.lang, len(first))
		}
		if want := fresh.lines(text, string(s.lang), rtl, false, 40); !reflect.DeepEqual(first, want) {
			t.Errorf("%s: the kept lines differ from shaping afresh", s.lang)
		}
		// Another width, weight or direction is another layout.
		if narrow := cached.lines(text, string(s.lang), rtl, false, 20); len(narrow) <= len(first) {
			t.Errorf("%s: %d lines at half the width, %d at the whole", s.lang, len(narrow), len(first))
		}
		if bold := cached.lines(text, string(s.lang), rtl, true, 40); &bold[0] == &first[0] {
			t.Errorf("%s: bold text came from the regular text's layout", s.lang)
		}
	}
}

func TestLayoutCacheStaysBounded(t *testing.T) {
	c := newLayoutCache()
	for i := range layoutCacheSize + 10 {
		c.put(layoutKey{text: strconv.Itoa(i)}, nil)
	}
	if n := len(c.lines); n > layoutCacheSize {
		t.Errorf("%d texts kept, more than %d", n, layoutCacheSize)
	}
	if _, ok := c.get(layoutKey{text: strconv.Itoa(layoutCacheSize + 9)}); !ok {
		t.Error("the latest text is not kept")
	}
}
