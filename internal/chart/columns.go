package chart

import "math"

// columns lays out vertical bars from height y down: the scale on the
// left, a band per category with its series side by side, the value over
// each column and the category's name under its band.
func (c *Chart) columns(l *Layout, y float64, f formatter) {
	max, step := niceScale(c.top())
	tickW := textWidth(f.value(max), tickSize) + 8
	x0, x1 := margin+tickW, l.Width-margin
	base := y + 16 + columnH
	scale := func(v float64) float64 { return columnH * v / max }
	for v := 0.0; v <= max+step/2; v += step {
		yy := base - scale(v)
		l.Lines = append(l.Lines, Line{X1: x0, Y1: yy, X2: x1, Y2: yy, Stroke: gridColor, Class: "grid"})
		l.Texts = append(l.Texts, Text{X: x0 - 4, Y: yy + 4, S: f.value(v), Anchor: Right, Size: tickSize, Class: "tick"})
	}
	n := max1(len(c.Categories))
	band := (x1 - x0) / float64(n)
	per := float64(max1(len(c.Series)))
	colW := math.Min(48, (band-12)/per)
	for i, name := range c.Categories {
		bx := x0 + band*float64(i) + (band-colW*per)/2
		for s := range c.Series {
			v := c.Series[s].Values[i]
			x := bx + colW*float64(s)
			h := scale(v)
			l.Rects = append(l.Rects, c.bar(i, s, x+1, base-h, colW-2, h, f))
			l.Texts = append(l.Texts, Text{X: x + colW/2, Y: base - h - 4, S: f.value(v), Anchor: Middle, Size: tickSize, Class: "value"})
		}
		cx := x0 + band*float64(i) + band/2
		l.Texts = append(l.Texts, Text{X: cx, Y: base + 16, S: fit(name, band-4, labelSize), Anchor: Middle, Size: labelSize, Class: "category"})
		if len(c.Targets) > 0 && c.Targets[i] > 0 {
			yy := base - scale(c.Targets[i])
			l.Rects = append(l.Rects, Rect{X: bx - 3, Y: yy - 1, W: colW*per + 6, H: 2, Fill: goalColor, Class: "target",
				Category: i, Series: -1, Value: c.Targets[i], Label: c.TargetLabel + ": " + f.value(c.Targets[i])})
		}
	}
	l.Lines = append(l.Lines, Line{X1: x0, Y1: base, X2: x1, Y2: base, Stroke: inkColor, Class: "axis"})
	bottom := base + 22
	if c.Target > 0 {
		yy := base - scale(c.Target)
		l.Lines = append(l.Lines, Line{X1: x0, Y1: yy, X2: x1, Y2: yy, Stroke: goalColor, Dashed: true, Class: "target"})
		l.Texts = append(l.Texts, Text{X: x1, Y: yy - 4, S: c.TargetLabel + " " + f.value(c.Target), Anchor: Right, Size: tickSize, Class: "target"})
	}
	l.Height = bottom + margin
}
