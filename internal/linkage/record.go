package linkage

// Sex is a record's sex: unknown, male or female.
type Sex uint8

// The sexes.
const (
	SexUnknown Sex = iota
	SexMale
	SexFemale
)

// Record is one person in compact form: names and regions are codes in
// the run's Lexicon, the birth date is packed, the national ID is a
// number. A Record is 40 bytes, so a million fit in 40 MB.
type Record struct {
	Last, First, Patronymic uint32 // Lexicon codes; 0: missing
	Region                  uint32 // Lexicon code; 0: missing
	Birth                   Date   // 0: missing
	BirthJ                  uint16 // Solar Hijri month*100+day of Birth; 0: none
	NatID                   uint64 // the digits as a number
	NatLen                  uint8  // number of digits; 0: missing
	NatValid                bool   // the ID is a valid IIN or Iranian code
	Sex                     Sex
}

// Dataset is a list of records read for linkage. Besides the typed
// fields, a dataset may have free fields (an address, a postcode) that
// are compared as text; their codes are kept in one flat slice.
type Dataset struct {
	Lex        *Lexicon
	Records    []Record
	FreeFields []string // names of the free fields, the same for every record
	free       []uint32 // len(Records)*len(FreeFields) Lexicon codes
	idText     []byte   // the records' IDs one after another
	idEnd      []uint32 // idText[idEnd[i-1]:idEnd[i]] is record i's ID
	has        fieldSet // typed fields at least one record has

	// RegionCodes says the regions are codes (a registry's region paths),
	// the same only when written the same, rather than place names that
	// meet across scripts and spellings.
	RegionCodes bool
}

// fieldSet is a set of the typed fields.
type fieldSet uint16

const (
	hasLast fieldSet = 1 << iota
	hasFirst
	hasPatronymic
	hasBirth
	hasSex
	hasNatID
	hasRegion
)

// NewDataset returns an empty dataset that interns into lex and has the
// given free fields.
func NewDataset(lex *Lexicon, freeFields ...string) *Dataset {
	return &Dataset{Lex: lex, FreeFields: freeFields}
}

// Input is one record as written, before it is encoded.
type Input struct {
	ID, Last, First, Patronymic, Region string
	Birth                               Date
	Sex                                 Sex
	NatID                               string // digits only; "" when missing
	Free                                []string
}

// Add encodes in and appends it to the dataset.
func (d *Dataset) Add(in Input) {
	r := Record{
		Last:       d.Lex.intern(in.Last),
		First:      d.Lex.intern(in.First),
		Patronymic: d.Lex.patronymic(d.Lex.intern(in.Patronymic), in.Patronymic),
		Region:     d.Lex.region(d.Lex.intern(in.Region)),
		Birth:      in.Birth,
		BirthJ:     d.Lex.solarDay(in.Birth),
		Sex:        in.Sex,
	}
	if n := len(in.NatID); n > 0 && n <= 19 {
		r.NatID, r.NatLen, r.NatValid = parseNatID(in.NatID)
	}
	for i := range d.FreeFields {
		var c uint32
		if i < len(in.Free) {
			c = d.Lex.intern(in.Free[i])
		}
		d.free = append(d.free, c)
	}
	d.has |= r.fields()
	d.Records = append(d.Records, r)
	d.idText = append(d.idText, in.ID...)
	d.idEnd = append(d.idEnd, uint32(len(d.idText)))
}

func (r *Record) fields() fieldSet {
	var s fieldSet
	for _, f := range [...]struct {
		ok  bool
		bit fieldSet
	}{{r.Last != 0, hasLast}, {r.First != 0, hasFirst}, {r.Patronymic != 0, hasPatronymic},
		{r.Birth != 0, hasBirth}, {r.Sex != SexUnknown, hasSex}, {r.NatLen != 0, hasNatID},
		{r.Region != 0, hasRegion}} {
		if f.ok {
			s |= f.bit
		}
	}
	return s
}

// Len returns the number of records.
func (d *Dataset) Len() int { return len(d.Records) }

// ID returns the ID of record i as written.
func (d *Dataset) ID(i int) string {
	start := uint32(0)
	if i > 0 {
		start = d.idEnd[i-1]
	}
	return string(d.idText[start:d.idEnd[i]])
}

// freeCode returns the code of free field k of record i.
func (d *Dataset) freeCode(i, k int) uint32 { return d.free[i*len(d.FreeFields)+k] }
