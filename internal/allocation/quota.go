package allocation

import "strings"

// QuotaKind says how a quota is given.
type QuotaKind string

// The kinds of quota: a fixed number of units, or a share of the
// region's need in basis points (10,000 is all of it).
const (
	Fixed QuotaKind = "fixed"
	Share QuotaKind = "share"
)

// QuotaKinds lists the kinds of quota.
func QuotaKinds() []QuotaKind { return []QuotaKind{Fixed, Share} }

// Quota caps what a region subtree receives in a campaign: of one item
// (ItemID), or of every item together (ItemID 0). Its set is the lines
// of requests in the region subtree asking for the item. Whatever the
// quota's set already holds or was handed counts against it.
type Quota struct {
	ID         int64     `json:"id"`
	Region     string    `json:"region_path"`
	RegionCode string    `json:"region_code"`
	ItemID     int64     `json:"item_id,omitempty"`
	Kind       QuotaKind `json:"kind"`
	Amount     int64     `json:"amount"`
}

// covers reports whether a line of item in region (a path) is in q's set.
func (q Quota) covers(region string, item int64) bool {
	return strings.HasPrefix(region, q.Region) && (q.ItemID == 0 || q.ItemID == item)
}

// contains reports whether o's set lies within q's.
func (q Quota) contains(o Quota) bool {
	return strings.HasPrefix(o.Region, q.Region) && (q.ItemID == 0 || q.ItemID == o.ItemID)
}

// crosses reports whether q's and o's sets overlap without one holding
// the other, which the flow model cannot express: an all-items quota of a
// district inside a region that has a quota of one item, say.
func (q Quota) crosses(o Quota) bool {
	nested := strings.HasPrefix(q.Region, o.Region) || strings.HasPrefix(o.Region, q.Region)
	overlap := nested && (q.ItemID == 0 || o.ItemID == 0 || q.ItemID == o.ItemID)
	return overlap && !q.contains(o) && !o.contains(q)
}

// Limit is the number of units q allows a set whose need is need lines:
// Amount, or Amount basis points of need rounded down.
func (q Quota) Limit(need int64) int64 {
	if q.Kind == Share {
		return need * q.Amount / 10_000
	}
	return q.Amount
}
