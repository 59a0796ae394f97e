package suppress

import "math/big"

// The attackers of the tests: each gets only what a reader of the
// published table gets — the shown counts, which counts are hidden, and
// that the counts add up to their totals — and tries to recover hidden
// counts.

// unknowns lists the hidden counts of g an attacker must find, with the
// zeros among them given away (the strongest reader: the package's rule
// promises nothing for zeros).
func unknowns(g Grid) [][2]int {
	var out [][2]int
	for i := range g.Rows() + 1 {
		for j := range g.Cols() + 1 {
			if g.Hidden[i][j] && g.Value(i, j) != 0 {
				out = append(out, [2]int{i, j})
			}
		}
	}
	return out
}

// lines are the equations a reader writes: for each line of the extended
// grid, the coefficients of the unknowns (+1 for a cell, -1 for the
// line's own total) and the constant the known counts leave.
func lines(g Grid, vars [][2]int) (coef [][]int64, rhs []int64) {
	r, c := g.Rows(), g.Cols()
	index := map[[2]int]int{}
	for k, v := range vars {
		index[v] = k
	}
	add := func(cells [][2]int, total [2]int) {
		row := make([]int64, len(vars))
		var known int64
		term := func(at [2]int, sign int64) {
			if k, ok := index[at]; ok {
				row[k] += sign
			} else {
				known -= sign * g.Value(at[0], at[1])
			}
		}
		for _, at := range cells {
			term(at, 1)
		}
		term(total, -1)
		coef, rhs = append(coef, row), append(rhs, known)
	}
	for i := range r + 1 {
		var cells [][2]int
		for j := range c {
			cells = append(cells, [2]int{i, j})
		}
		add(cells, [2]int{i, c})
	}
	for j := range c + 1 {
		var cells [][2]int
		for i := range r {
			cells = append(cells, [2]int{i, j})
		}
		add(cells, [2]int{r, j})
	}
	return coef, rhs
}

// solvedBySubtraction returns the unknowns fixed by the equations alone:
// after Gauss-Jordan elimination over the rationals, a row with a single
// unknown left names it and its value.
func solvedBySubtraction(g Grid) map[[2]int]int64 {
	vars := unknowns(g)
	coef, rhs := lines(g, vars)
	m := make([][]*big.Rat, len(coef))
	for i := range coef {
		m[i] = make([]*big.Rat, len(vars)+1)
		for k, x := range coef[i] {
			m[i][k] = new(big.Rat).SetInt64(x)
		}
		m[i][len(vars)] = new(big.Rat).SetInt64(rhs[i])
	}
	row := 0
	for col := 0; col < len(vars) && row < len(m); col++ {
		p := -1
		for i := row; i < len(m); i++ {
			if m[i][col].Sign() != 0 {
				p = i
				break
			}
		}
		if p < 0 {
			continue
		}
		m[row], m[p] = m[p], m[row]
		inv := new(big.Rat).Inv(m[row][col])
		for k := range m[row] {
			m[row][k].Mul(m[row][k], inv)
		}
		for i := range m {
			if i == row || m[i][col].Sign() == 0 {
				continue
			}
			f := new(big.Rat).Set(m[i][col])
			for k := range m[i] {
				m[i][k].Sub(m[i][k], new(big.Rat).Mul(f, m[row][k]))
			}
		}
		row++
	}
	out := map[[2]int]int64{}
	for i := range row {
		only := -1
		for k := range vars {
			if m[i][k].Sign() != 0 {
				if only >= 0 {
					only = -2
					break
				}
				only = k
			}
		}
		if only >= 0 {
			out[vars[only]] = m[i][len(vars)].Num().Int64()
		}
	}
	return out
}

// possibleValues returns, for each unknown, every value it takes in some
// table of counts (whole numbers, none negative) that agrees with what is
// published, searching values up to limit. It is for small tables.
func possibleValues(g Grid, limit int64) map[[2]int]map[int64]bool {
	vars := unknowns(g)
	coef, rhs := lines(g, vars)
	seen := make([]map[int64]bool, len(vars))
	for k := range seen {
		seen[k] = map[int64]bool{}
	}
	val := make([]int64, len(vars))
	set := make([]bool, len(vars))
	var search func()
	search = func() {
		// Propagate: a line with one unknown left fixes it.
		var fixed []int
		defer func() {
			for _, k := range fixed {
				set[k] = false
			}
		}()
		for changed := true; changed; {
			changed = false
			for i := range coef {
				free, sum := -1, rhs[i]
				n := 0
				for k, x := range coef[i] {
					if x == 0 {
						continue
					}
					if set[k] {
						sum -= x * val[k]
					} else {
						free, n = k, n+1
					}
				}
				switch {
				case n == 0 && sum != 0:
					return
				case n == 1:
					v := sum / coef[i][free]
					if v*coef[i][free] != sum || v < 0 || v > limit {
						return
					}
					val[free], set[free] = v, true
					fixed = append(fixed, free)
					changed = true
				}
			}
		}
		next := -1
		for k := range vars {
			if !set[k] {
				next = k
				break
			}
		}
		if next < 0 {
			for k := range vars {
				seen[k][val[k]] = true
			}
			return
		}
		for v := int64(0); v <= limit; v++ {
			val[next], set[next] = v, true
			search()
		}
		set[next] = false
	}
	search()
	out := map[[2]int]map[int64]bool{}
	for k, v := range vars {
		out[v] = seen[k]
	}
	return out
}
