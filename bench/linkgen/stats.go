package main

import (
	"fmt"
	"slices"
)

// hardness counts what makes the lists hard to link without identifiers.
type hardness struct {
	twins    int // children who have a twin
	nearName int // children with another of the same given name, surname and region born within a year
	sameDay  int // … born on the same day
}

func (h hardness) String() string {
	return fmt.Sprintf("%d twins; %d children share given name, surname and region with another born within a year, %d on the same day",
		h.twins, h.nearName, h.sameDay)
}

// measure counts the hardness of kids.
func measure(kids []child) hardness {
	type name struct {
		first, surname string
		region         uint8
		people         people
	}
	var h hardness
	births := map[name][]int32{}
	for i := range kids {
		c := &kids[i]
		if c.twin {
			h.twins++
		}
		k := name{c.first, c.surname, c.region, c.people}
		births[k] = append(births[k], int32(c.birth.Unix()/86400))
	}
	for _, bs := range births {
		slices.Sort(bs)
		for i := range bs {
			if i > 0 && bs[i]-bs[i-1] <= 366 || i+1 < len(bs) && bs[i+1]-bs[i] <= 366 {
				h.nearName++
			}
			if i > 0 && bs[i] == bs[i-1] || i+1 < len(bs) && bs[i+1] == bs[i] {
				h.sameDay++
			}
		}
	}
	return h
}
