package allocation

// explain gives each line left waiting its reason and cutoff.
//
// A line whose region no warehouse serves (for any item) waits for a
// route. Otherwise, when a quota over it is full — the run serves all it
// may, counting what the quota's set holds already — the innermost full
// one is the reason: the line could be served only in place of another
// of the same quota. Otherwise its item in its size ran out for its
// region: every unit of it that could reach the line went to lines of
// higher priority, or to higher-ranked lines of the same priority.
//
// The cutoff is the worst rank served or held in the line's rank region
// among the lines sharing its reason: of the same item and size for
// stock, of the same quota for a quota. "Size 34 ran out at rank 140".
func (m *model) explain(s solved, res []Result) {
	full := make([]bool, len(m.quotas))
	for i, q := range m.quotas {
		full[i] = s.flow[q.arc] >= q.remaining()
	}
	type sizeKey struct {
		region string
		item   int64
		size   string
	}
	type quotaKey struct {
		quota  int
		region string
	}
	bySize := map[sizeKey]int{}
	byQuota := map[quotaKey]int{}
	worst := func(l Line) {
		if l.Rank == 0 {
			return
		}
		k := sizeKey{l.RankRegion, l.ItemID, l.Size}
		bySize[k] = max(bySize[k], l.Rank)
		for q := m.quotaOf(l.Region, l.ItemID); q >= 0; q = m.quotas[q].parent {
			qk := quotaKey{q, l.RankRegion}
			byQuota[qk] = max(byQuota[qk], l.Rank)
		}
	}
	for c, i := range m.cand {
		if res[c].Outcome == Allocated {
			worst(m.in.Lines[i])
		}
	}
	for _, l := range m.in.Lines {
		if l.role() == kept {
			worst(l)
		}
	}
	for c, i := range m.cand {
		if res[c].Outcome == Allocated {
			continue
		}
		l, gr := m.in.Lines[i], m.groups[m.group[c]]
		res[c].Outcome = NoStock
		switch {
		case !gr.routed:
			res[c].Outcome = NoRoute
			continue
		case gr.node >= 0:
			for q := gr.quota; q >= 0; q = m.quotas[q].parent {
				if full[q] {
					res[c].Outcome, res[c].Quota = QuotaReached, m.quotas[q].limit
					res[c].QuotaRegion = m.in.Quotas[q].Region
					res[c].Cutoff = byQuota[quotaKey{q, l.RankRegion}]
					break
				}
			}
		}
		if res[c].Outcome == NoStock {
			res[c].Cutoff = bySize[sizeKey{l.RankRegion, l.ItemID, l.Size}]
		}
	}
}
