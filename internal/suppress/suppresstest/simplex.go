package suppresstest

import "math/big"

// A small exact simplex: the attacker's tool. It keeps a tableau of
// equations A·x = b over x ≥ 0 in canonical form (each basic variable
// alone in its row) and moves between feasible bases by Bland's rule,
// which never cycles, in rational arithmetic, so a bound it finds is
// exact.

// tableau is the rows of A | b and the basic variable of each row.
type tableau struct {
	rows  [][]*big.Rat
	basis []int
	n     int // variables, without the right-hand side
}

// feasible returns a tableau of A·x = b in canonical form at a feasible
// basis (phase one, with an artificial variable per row), and false when
// there is no x ≥ 0.
func feasible(a [][]int64, b []int64, n int) (*tableau, bool) {
	m := len(a)
	t := &tableau{n: n + m}
	for i := range a {
		row := make([]*big.Rat, n+m+1)
		sign := int64(1)
		if b[i] < 0 {
			sign = -1
		}
		for k := range row {
			row[k] = new(big.Rat)
		}
		for k, x := range a[i] {
			row[k].SetInt64(sign * x)
		}
		row[n+i].SetInt64(1)
		row[n+m].SetInt64(sign * b[i])
		t.rows = append(t.rows, row)
		t.basis = append(t.basis, n+i)
	}
	obj := make([]*big.Rat, n+m)
	for k := range obj {
		obj[k] = new(big.Rat)
		if k >= n {
			obj[k].SetInt64(-1) // maximise minus the artificials' sum
		}
	}
	if v, _ := t.maximize(obj); v.Sign() != 0 {
		return nil, false
	}
	// Drive the artificials left in the basis (at zero) out, or drop
	// their rows, which repeat others.
	for i := 0; i < len(t.rows); i++ {
		if t.basis[i] < n {
			continue
		}
		k := 0
		for k < n && t.rows[i][k].Sign() == 0 {
			k++
		}
		if k == n {
			t.rows = append(t.rows[:i], t.rows[i+1:]...)
			t.basis = append(t.basis[:i], t.basis[i+1:]...)
			i--
			continue
		}
		t.pivot(i, k)
	}
	for i, row := range t.rows {
		t.rows[i] = append(row[:n:n], row[n+m])
	}
	t.n = n
	return t, true
}

// maximize moves t to a basis maximising obj·x and returns the maximum,
// and false when obj·x has no bound.
func (t *tableau) maximize(obj []*big.Rat) (*big.Rat, bool) {
	rhs := t.n
	for {
		enter := -1
		for k := range t.n {
			if t.reduced(obj, k).Sign() > 0 {
				enter = k
				break
			}
		}
		if enter < 0 {
			v := new(big.Rat)
			for i, row := range t.rows {
				v.Add(v, new(big.Rat).Mul(obj[t.basis[i]], row[rhs]))
			}
			return v, true
		}
		leave := -1
		var best *big.Rat
		for i, row := range t.rows {
			if row[enter].Sign() <= 0 {
				continue
			}
			r := new(big.Rat).Quo(row[rhs], row[enter])
			if leave < 0 || r.Cmp(best) < 0 || r.Cmp(best) == 0 && t.basis[i] < t.basis[leave] {
				leave, best = i, r
			}
		}
		if leave < 0 {
			return nil, false
		}
		t.pivot(leave, enter)
	}
}

// reduced is the reduced cost of variable k: what obj gains per unit of
// it entering the basis.
func (t *tableau) reduced(obj []*big.Rat, k int) *big.Rat {
	r := new(big.Rat).Set(obj[k])
	for i, row := range t.rows {
		if row[k].Sign() != 0 {
			r.Sub(r, new(big.Rat).Mul(obj[t.basis[i]], row[k]))
		}
	}
	return r
}

// pivot makes variable k basic in row i.
func (t *tableau) pivot(i, k int) {
	p := t.rows[i]
	inv := new(big.Rat).Inv(p[k])
	for c := range p {
		p[c].Mul(p[c], inv)
	}
	for r, row := range t.rows {
		if r == i || row[k].Sign() == 0 {
			continue
		}
		f := new(big.Rat).Set(row[k])
		for c := range row {
			if p[c].Sign() != 0 {
				row[c].Sub(row[c], new(big.Rat).Mul(f, p[c]))
			}
		}
	}
	t.basis[i] = k
}

// clone is a copy of t to optimise another objective from.
func (t *tableau) clone() *tableau {
	c := &tableau{n: t.n, basis: append([]int(nil), t.basis...)}
	for _, row := range t.rows {
		r := make([]*big.Rat, len(row))
		for k, x := range row {
			r[k] = new(big.Rat).Set(x)
		}
		c.rows = append(c.rows, r)
	}
	return c
}
