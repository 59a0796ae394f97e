package allocation

import (
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"hash"
	"time"

	"github.com/jolproject/jol/internal/flow"
)

// Decide makes the plan of in: the most priority served, then the
// higher-ranked lines, then the cheapest routes (see doc.go), exactly and
// the same for the same instance whatever its order.
func Decide(in *Instance) (*Plan, error) {
	p, _, err := DecideNetworks(in)
	return p, err
}

// digest identifies an instance in canonical order: everything a plan is
// made from, and nothing else.
func (in *Instance) digest() string {
	h := sha256.New()
	d := digester{h: h}
	d.int(in.CampaignID)
	for _, l := range in.Lines {
		d.int(l.RequestID, int64(l.Line), l.ItemID, int64(l.Quantity), l.Priority, l.Requested.UnixNano(),
			int64(l.Rank), int64(l.Of), l.HeldAt, int64(l.Version))
		d.str(l.Size, l.Region, l.RankRegion, l.Status)
	}
	for _, s := range in.Stock {
		d.int(s.WarehouseID, s.ItemID, s.Available)
		d.str(s.Size)
	}
	for _, w := range in.Warehouses {
		d.int(w.ID, int64(len(w.Routes)))
		d.str(w.Region)
		if w.Routes == nil {
			d.str("default")
		}
		for _, r := range w.Routes {
			d.int(r.Cost)
			d.str(r.Region)
		}
	}
	for _, q := range in.Quotas {
		d.int(q.ItemID, q.Amount)
		d.str(q.Region, string(q.Kind))
	}
	return hex.EncodeToString(h.Sum(nil)[:16])
}

// digester writes values into a hash unambiguously: integers in eight
// bytes, strings with their length first.
type digester struct {
	h   hash.Hash
	buf [8]byte
}

func (d *digester) int(vs ...int64) {
	for _, v := range vs {
		binary.LittleEndian.PutUint64(d.buf[:], uint64(v))
		d.h.Write(d.buf[:])
	}
}

func (d *digester) str(vs ...string) {
	for _, v := range vs {
		d.int(int64(len(v)))
		d.h.Write([]byte(v))
	}
}

// Networks are the flow networks a plan was solved on, one per aim in
// turn (priority, order, cost; nil for an aim that had nothing to weigh),
// each with the least cost found for it: what benchmarks and checks hand
// to another solver.
type Networks struct {
	Graphs [3]*flow.Graph
	Costs  [3]int64
}

// DecideNetworks is Decide, also returning the networks it solved.
func DecideNetworks(in *Instance) (*Plan, Networks, error) {
	t0 := time.Now()
	m := newModel(in)
	s, err := lexSolve(m.g, m.costs)
	if err != nil {
		return nil, Networks{}, err
	}
	p := m.derive(s)
	p.Digest = in.digest()
	p.Solve = time.Since(t0)
	return p, Networks{Graphs: s.graphs, Costs: s.cost}, nil
}
