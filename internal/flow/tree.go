package flow

// updateTree moves the subtree S below the leaving arc (the pred arc of
// uOut) so that it hangs from vIn by the entering arc e, rooted at uIn,
// and gives S's potentials the shift that makes e's reduced cost zero.
// join is the cycle's apex; S lies below it before and after.
//
// Re-rooting S at uIn reverses the tree path uIn = p0, p1, …, pk = uOut:
// each pi becomes the parent of p(i+1). In preorder, the new S is p0's old
// subtree, then each pi with its old subtree less p(i-1)'s — at most two
// runs of the old thread, before and after the hole — so the thread is
// rewired at the ends of O(k) runs. The work is O(|S| + k) plus walks up
// from uOut's old parent and from vIn.
func (s *simplex) updateTree(e, uIn, vIn, uOut, join int32) {
	size := s.succNum[uOut]
	oldLast := s.lastSucc[uOut]
	before, after := s.revThread[uOut], s.thread[oldLast]

	// The potentials of S all move by the same amount.
	in := &s.arcs[e]
	sigma := in.cost - s.pi[in.tail] + s.pi[in.head]
	if in.head == uIn {
		sigma = -sigma
	}
	for i, u := int32(0), uOut; i < size; i++ {
		s.pi[u] += sigma
		u = s.thread[u]
	}

	// S's new preorder as runs [first, last] of the old thread, read
	// before any pointer changes.
	runs := append(s.path[:0], uIn, s.lastSucc[uIn])
	for c := uIn; c != uOut; {
		u := s.parent[c]
		runs = append(runs, u, s.revThread[c])
		if s.lastSucc[c] != s.lastSucc[u] {
			runs = append(runs, s.thread[s.lastSucc[c]], s.lastSucc[u])
		}
		c = u
	}
	s.path = runs
	end := runs[1]
	for i := 2; i < len(runs); i += 2 {
		s.thread[end], s.revThread[runs[i]] = runs[i], end
		end = runs[i+1]
	}

	// Cut S out of the thread and out of its old ancestors' counts. Above
	// the join the counts do not change: S stays below it.
	s.thread[before], s.revThread[after] = after, before
	for a := s.parent[uOut]; a != join; a = s.parent[a] {
		s.succNum[a] -= size
	}
	for a := s.parent[uOut]; a >= 0 && s.lastSucc[a] == oldLast; a = s.parent[a] {
		s.lastSucc[a] = before
	}

	// Reverse the path: each node takes its child's arc to it, the rooms
	// swapped. The new subtree of pi is S less the old subtree of p(i-1),
	// and every node on the path now ends where S ends.
	u, par, pred, up := uIn, vIn, e, in.tail == uIn
	upRoom, downRoom := in.capac-in.flow, in.flow
	if !up {
		upRoom, downRoom = downRoom, upRoom
	}
	var prevSucc int32
	for {
		oldPar, oldPred, oldUp, oldSucc := s.parent[u], s.pred[u], s.up[u], s.succNum[u]
		oldUpRoom, oldDownRoom := s.upRoom[u], s.downRoom[u]
		s.parent[u], s.pred[u], s.up[u] = par, pred, up
		s.upRoom[u], s.downRoom[u] = upRoom, downRoom
		s.succNum[u], s.lastSucc[u] = size-prevSucc, end
		if u == uOut {
			break
		}
		par, pred, up, prevSucc = u, oldPred, !oldUp, oldSucc
		upRoom, downRoom = oldDownRoom, oldUpRoom
		u = oldPar
	}

	// Hang S right after vIn in the thread, as its first child.
	next := s.thread[vIn]
	s.thread[vIn], s.revThread[uIn] = uIn, vIn
	s.thread[end], s.revThread[next] = next, end
	for a := vIn; a != join; a = s.parent[a] {
		s.succNum[a] += size
	}
	for a := vIn; a >= 0 && s.lastSucc[a] == vIn; a = s.parent[a] {
		s.lastSucc[a] = end
	}
}
