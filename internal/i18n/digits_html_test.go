package i18n

import "testing"

func TestHTMLDigits(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{`<td class="n2">Record 2526</td>`, `<td class="n2">Record ۲۵۲۶</td>`},
		{`<a href="/people/42?page=3">42 of 63</a>`, `<a href="/people/42?page=3">۴۲ of ۶۳</a>`},
		{`<input name="phone" value="+7 701 123">+7 701 123`, `<input name="phone" value="+7 701 123">+۷ ۷۰۱ ۱۲۳`},
		{`It&#39;s 5 &amp; 6`, `It&#39;s ۵ &amp; ۶`},
		{`<code>KZ-75</code> 75 <pre>1
2</pre>3`, `<code>KZ-75</code> ۷۵ <pre>1
2</pre>۳`},
		{`<textarea name="note">call 8 pm</textarea>8`, `<textarea name="note">call 8 pm</textarea>۸`},
		{`<style>.a{width:10px}</style><script>var a=1</script>1`, `<style>.a{width:10px}</style><script>var a=1</script>۱`},
		{`<h2>Step 1</h2>`, `<h2>Step ۱</h2>`},
		{`a < 5`, `a < 5`},   // not html/template output: left as it is after the stray "<"
		{`&#1234`, `&#۱۲۳۴`}, // an unterminated reference is text
		{`<CODE>12</CODE>12`, `<CODE>12</CODE>۱۲`},
	} {
		if got := string(FA.HTMLDigits(nil, []byte(c.in))); got != c.want {
			t.Errorf("FA.HTMLDigits(%q)\n got %q\nwant %q", c.in, got, c.want)
		}
	}
	const page = `<p class="x">42 &#39;1&#39;</p>`
	for _, l := range []Locale{EN, RU, KK, FR} {
		if got := string(l.HTMLDigits(nil, []byte(page))); got != page {
			t.Errorf("%s changed the page: %q", l, got)
		}
	}
}

func BenchmarkHTMLDigits(b *testing.B) {
	row := []byte(`<tr><th scope="row"><a href="/people/12345">Жақыпов Айгерім</a></th><td class="nowrap">12.03.2015 <span>10</span></td><td>••••1234</td><td>№12 мектеп</td></tr>`)
	var page []byte
	for range 50 {
		page = append(page, row...)
	}
	b.SetBytes(int64(len(page)))
	dst := make([]byte, 0, 2*len(page))
	for b.Loop() {
		dst = FA.HTMLDigits(dst[:0], page)
	}
}
