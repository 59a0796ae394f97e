package tabular

// The caps that keep reading a file within a fixed memory budget, whatever
// the file holds. Each is checked while the bytes stream past, before a whole
// cell, record or part is held, and passing one refuses the whole file with
// ErrLimit (ErrTooLarge for sizes) naming the cap and, where known, the line.
const (
	// MaxCellChars is Excel's own limit on the text of a cell: no genuine
	// list holds a longer one.
	MaxCellChars = 32_767
	// MaxColumns is far wider than any list of pupils (they have a dozen
	// columns, a few dozen at most) and bounds the cells of a row to a few
	// MB. Excel's own maximum, 16,384, would let one row of empty cells cost
	// a hundred times more.
	MaxColumns = 1_000
	// MaxRows is Excel's maximum number of rows in a sheet: a file with more
	// cannot come from Excel, and a list of a million pupils is a whole
	// country's. CSV files are held to the same cap.
	MaxRows = 1_048_576
	// MaxRecordBytes bounds one CSV record as read, before it is split into
	// cells: encoding/csv holds a record whole, so a line that never ends
	// (or a quotation mark never closed) stops here. A record of 1,000 cells
	// of ordinary text is well under 100 KB.
	MaxRecordBytes = 1 << 20
	// MaxSharedStrings bounds the distinct texts of a workbook; excelize
	// indexes each in about 40 bytes of memory.
	MaxSharedStrings = 1_048_576
	// MaxPartBytes bounds the unpacked size of one sheet or of the shared
	// strings: a sheet of a million rows of a dozen cells is about 400 MB.
	MaxPartBytes = 512 << 20
	// MaxRatio bounds how many times a part larger than ratioFloor unpacks
	// beyond its packed size. Sheet XML packs 5 to 30 times, deflate at most
	// about 1,030 times; a repeated byte shaped into a bomb is refused before
	// a byte of it is unpacked.
	MaxRatio   = 200
	ratioFloor = 4 << 20
	// maxEntries bounds the parts of the zip.
	maxEntries = 10_000
	// maxTokenBytes bounds the bytes of one XML token (a tag, or the text
	// between two tags): a cell of MaxCellChars characters each written as
	// a numeric character reference of 10 bytes, plus room for the tag.
	maxTokenBytes = 10*MaxCellChars + 4096
	// maxDepth bounds the nesting of XML elements: a sheet nests six deep.
	maxDepth = 64
)
