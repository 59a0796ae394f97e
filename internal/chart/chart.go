// Package chart is a small chart model and its drawing: horizontal and
// vertical bars (one series, or several side by side), stacked bars and a
// funnel, laid out once (Layout) and written as SVG by the server (SVG) or
// drawn by any other renderer from the same Layout, such as a PDF page.
//
// A chart is drawn for one locale: its numbers are written in the locale's
// digits and grouping, and in a right-to-left locale (Persian) the whole
// layout is mirrored — category labels on the right, bars growing to the
// left, the first column on the right. Every chart also gives its numbers
// as a table (Table), to be shown beside it, so nothing is known only from
// the drawing. The SVG needs no script and no font file.
package chart

import (
	"errors"
	"math"
)

// Kind is the shape a chart is drawn in.
type Kind int

// The kinds of chart.
const (
	// Bars are horizontal bars, one band per category; several series are
	// drawn side by side within the band (grouped bars).
	Bars Kind = iota
	// Columns are vertical bars, one band per category, grouped likewise.
	Columns
	// Stacked are horizontal bars whose series are laid end to end.
	Stacked
	// Funnel is one series of centred horizontal bars, each step's value
	// also given as a share of the first step's.
	Funnel
)

// Series is one set of values, one per category, such as "this year".
type Series struct {
	Name   string
	Values []float64
	// Muted draws the series in grey, for a comparison such as last year.
	Muted bool
}

// Chart is what is drawn: a title, the categories along one axis and the
// series of values for them. Text is given already translated.
type Chart struct {
	// ID makes the ids inside the SVG unique on a page ("reach-region").
	ID    string
	Kind  Kind
	Title string
	// Desc says in words what the chart shows; when empty the SVG's
	// description lists the values.
	Desc       string
	Categories []string
	// CategoryHead heads the categories' column of the table ("Region").
	CategoryHead string
	Series       []Series
	// Unit is written after each value when it is "%", and in the table's
	// header otherwise ("children").
	Unit string
	// Decimals is how many decimals values are written with.
	Decimals int
	// Target, when not zero, is drawn as a line across the chart,
	// labelled TargetLabel.
	Target      float64
	TargetLabel string
	// Width is how many units wide the chart is laid out: ScreenWidth for
	// a screen, 0 for a page's 640. Below 480 the category labels of
	// horizontal bars stand over their bars, which then run the whole
	// width.
	Width float64
	// Targets, when given, hold one target per category (0 for none),
	// drawn as a mark across the category's bars and listed in the table
	// under TargetLabel.
	Targets []float64
}

// ErrShape is returned for a chart whose series do not have one value per
// category, or hold a negative or non-finite value.
var ErrShape = errors.New("chart: every series needs one finite, non-negative value per category")

// Check reports whether c can be drawn.
func (c *Chart) Check() error {
	if len(c.Targets) != 0 && len(c.Targets) != len(c.Categories) {
		return ErrShape
	}
	for _, s := range c.Series {
		if len(s.Values) != len(c.Categories) {
			return ErrShape
		}
		for _, v := range s.Values {
			if v < 0 || math.IsNaN(v) || math.IsInf(v, 0) {
				return ErrShape
			}
		}
	}
	return nil
}

// Empty reports whether c has nothing to draw: no category, or only zeros.
func (c *Chart) Empty() bool {
	for _, s := range c.Series {
		for _, v := range s.Values {
			if v != 0 {
				return false
			}
		}
	}
	return true
}

// top is the largest value the value axis must reach: the largest bar (or
// stack) and target.
func (c *Chart) top() float64 {
	m := c.Target
	for _, t := range c.Targets {
		m = math.Max(m, t)
	}
	for i := range c.Categories {
		sum := 0.0
		for _, s := range c.Series {
			if c.Kind == Stacked {
				sum += s.Values[i]
			} else {
				m = math.Max(m, s.Values[i])
			}
		}
		m = math.Max(m, sum)
	}
	return m
}

// niceScale returns the axis maximum for values up to top and the step of
// its grid: a step of 1, 2 or 5 times a power of ten giving 2 to 5 steps.
func niceScale(top float64) (max, step float64) {
	if top <= 0 {
		return 1, 1
	}
	raw := top / 4
	pow := math.Pow(10, math.Floor(math.Log10(raw)))
	step = 10 * pow
	for _, m := range []float64{1, 2, 5} {
		if m*pow >= raw {
			step = m * pow
			break
		}
	}
	if step < 1 && top >= 1 {
		step = 1
	}
	return math.Ceil(top/step) * step, step
}
