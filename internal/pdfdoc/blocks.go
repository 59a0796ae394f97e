package pdfdoc

// The key column of KeyValues takes this share of the width.
const keyShare = 0.35

func (kv KeyValues) draw(w *writer) {
	keyW := contentW * keyShare
	const gap = 4.0
	valW := contentW - keyW - gap
	keyLeft, valLeft := margin, margin+keyW+gap
	if w.rtl {
		keyLeft, valLeft = margin+contentW-keyW, margin
	}
	for _, row := range kv {
		keys := w.wrap(row.Key, bodySize, false, keyW)
		vals := w.wrap(row.Value, bodySize, true, valW)
		h := float64(max(len(keys), len(vals))) * lineH(bodySize)
		w.room(h)
		w.pdf.SetTextColor(80, 80, 80)
		w.drawLines(keys, bodySize, Start, keyLeft, keyW, w.y)
		w.pdf.SetTextColor(0, 0, 0)
		w.drawLines(vals, bodySize, Start, valLeft, valW, w.y)
		w.y += h + 1
	}
	w.y += 2
}

func (s Signatory) draw(w *writer) {
	const ruleW = 60.0
	w.y += 6
	w.room(14 + 2*lineH(bodySize))
	w.y += 14
	x := w.alignX(Start, ruleW, margin, contentW)
	w.pdf.SetDrawColor(0, 0, 0)
	w.pdf.SetLineWidth(0.3)
	w.pdf.Line(x, w.y, x+ruleW, w.y)
	w.y += 1.5
	w.text(s.Name, bodySize, true, Start, margin, contentW)
	if s.Position != "" {
		w.text(s.Position, bodySize, false, Start, margin, contentW)
	}
	w.y += 2
}
