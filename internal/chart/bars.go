package chart

import "math"

// bars lays out the horizontal kinds (Bars, Stacked, Funnel) from height y
// down: the category labels on the left (over the bars when the chart is
// narrow), a band per category, the values after the bars and the scale
// under them.
func (c *Chart) bars(l *Layout, y float64, f formatter) {
	// On a narrow chart each category's label stands over its bars, which
	// then run the whole width; on a wide one the labels make a column.
	narrow := l.Width < narrowBelow
	labelW, above := 0.0, 0.0
	if narrow {
		above = labelSize + 4
	} else {
		for _, s := range c.Categories {
			labelW = math.Max(labelW, textWidth(s, labelSize))
		}
		labelW = math.Min(labelW, 0.32*l.Width) + 8
	}
	valueW := 64.0
	if c.Kind == Funnel {
		valueW = 110
	}
	x0 := margin + labelW
	x1 := l.Width - margin - valueW
	max, step := niceScale(c.top())
	if c.Kind == Funnel {
		max = c.top()
		if max == 0 {
			max = 1
		}
	}
	scale := func(v float64) float64 { return (x1 - x0) * v / max }
	per := 1
	if c.Kind == Bars {
		per = max1(len(c.Series))
	}
	band := above + barH*float64(per) + bandGap
	top, bottom := y, y+band*float64(len(c.Categories))
	if c.Kind != Funnel {
		for v := 0.0; v <= max+step/2; v += step {
			x := x0 + scale(v)
			l.Lines = append(l.Lines, Line{X1: x, Y1: top, X2: x, Y2: bottom, Stroke: gridColor, Class: "grid"})
			l.Texts = append(l.Texts, Text{X: x, Y: bottom + 14, S: f.value(v), Anchor: Middle, Size: tickSize, Class: "tick"})
		}
	}
	for i, name := range c.Categories {
		by := top + band*float64(i) + bandGap/2 + above
		if narrow {
			l.Texts = append(l.Texts, Text{X: x0 + 4, Y: by - 5, S: fit(name, l.Width-2*margin-4, labelSize),
				Size: labelSize, Class: "category"})
		} else {
			l.Texts = append(l.Texts, Text{X: x0 - 6, Y: by + (band-above)/2 + 4 - bandGap/2, S: fit(name, labelW-8, labelSize),
				Anchor: Right, Size: labelSize, Class: "category"})
		}
		switch c.Kind {
		case Stacked:
			c.stack(l, i, x0, by, scale, f)
		case Funnel:
			c.funnelStep(l, i, (x0+x1)/2, by, scale, f)
		default:
			for s := range c.Series {
				v := c.Series[s].Values[i]
				ry := by + barH*float64(s)
				l.Rects = append(l.Rects, c.bar(i, s, x0, ry+1, scale(v), barH-2, f))
				l.Texts = append(l.Texts, Text{X: x0 + scale(v) + 4, Y: ry + barH - 4, S: f.value(v), Size: tickSize, Class: "value"})
			}
		}
		if len(c.Targets) > 0 && c.Targets[i] > 0 {
			x := x0 + scale(c.Targets[i])
			l.Rects = append(l.Rects, Rect{X: x - 1, Y: by - 3, W: 2, H: barH*float64(per) + 6, Fill: goalColor,
				Class: "target", Category: i, Series: -1, Value: c.Targets[i], Label: c.TargetLabel + ": " + f.value(c.Targets[i])})
		}
	}
	if c.Kind != Funnel {
		l.Lines = append(l.Lines, Line{X1: x0, Y1: top, X2: x0, Y2: bottom, Stroke: inkColor, Class: "axis"})
	}
	if c.Target > 0 {
		x := x0 + scale(c.Target)
		l.Lines = append(l.Lines, Line{X1: x, Y1: top - 4, X2: x, Y2: bottom, Stroke: goalColor, Dashed: true, Class: "target"})
		l.Texts = append(l.Texts, Text{X: x, Y: bottom + 30, S: c.TargetLabel + " " + f.value(c.Target), Anchor: Middle,
			Size: tickSize, Class: "target"})
		bottom += 16
	}
	l.Height = bottom + axisH + margin
}

// bar is the rect of series s in category i.
func (c *Chart) bar(i, s int, x, y, w, h float64, f formatter) Rect {
	v := c.Series[s].Values[i]
	label := c.Categories[i] + ": " + f.value(v)
	if len(c.Series) > 1 {
		label = c.Categories[i] + ", " + c.Series[s].Name + ": " + f.value(v)
	}
	return Rect{X: x, Y: y, W: w, H: h, Fill: c.color(s), Class: "bar", Category: i, Series: s, Value: v, Label: label}
}

// stack lays the series of category i end to end, each segment's value
// inside it when it fits, and the total after the stack.
func (c *Chart) stack(l *Layout, i int, x0, y float64, scale func(float64) float64, f formatter) {
	x, total := x0, 0.0
	for s := range c.Series {
		v := c.Series[s].Values[i]
		w := scale(v)
		l.Rects = append(l.Rects, c.bar(i, s, x, y+1, w, barH-2, f))
		if txt := f.value(v); v > 0 && textWidth(txt, tickSize)+6 < w {
			l.Texts = append(l.Texts, Text{X: x + w/2, Y: y + barH - 4, S: txt, Anchor: Middle, Size: tickSize, Class: "segment"})
		}
		x += w
		total += v
	}
	l.Texts = append(l.Texts, Text{X: x + 4, Y: y + barH - 4, S: f.value(total), Size: tickSize, Bold: true, Class: "value"})
}

// funnelStep draws step i of a funnel centred on cx, with its value and
// its share of the first step after the widest bar.
func (c *Chart) funnelStep(l *Layout, i int, cx, y float64, scale func(float64) float64, f formatter) {
	if len(c.Series) == 0 {
		return
	}
	v := c.Series[0].Values[i]
	w := scale(v)
	l.Rects = append(l.Rects, c.bar(i, 0, cx-w/2, y+1, w, barH-2, f))
	txt := f.value(v)
	if i > 0 {
		if sh := f.share(v, c.Series[0].Values[0]); sh != "" {
			txt += " (" + sh + ")"
		}
	}
	l.Texts = append(l.Texts, Text{X: cx + scale(c.top())/2 + 6, Y: y + barH - 4, S: txt, Size: tickSize, Class: "value"})
}

// max1 is n, at least 1.
func max1(n int) int {
	if n < 1 {
		return 1
	}
	return n
}
