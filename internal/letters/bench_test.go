package letters_test

import (
	"fmt"
	"testing"

	"github.com/jolproject/jol/internal/sponsors"
	"github.com/jolproject/jol/internal/testworld"
)

// BenchmarkThousandLetters writes a campaign's letters to 1,000 sponsors
// in the five languages through the real run: each sponsor's impact and
// gifts read, its letter filled, drawn as PDF and stored with its thanks
// mark, then the combined file of all 1,000 drawn and stored. One in ten
// gave a cash gift; one gave the backpacks five children received. Run
// it with -benchtime=1x (docs/benchmarks.md).
func BenchmarkThousandLetters(b *testing.B) {
	f := setup(b, testworld.SQLite(b))
	langs := []string{"kk", "ru", "en", "fr", "fa"}
	for i := range 1000 {
		sp := f.sponsor(b, fmt.Sprintf("Sponsor %04d", i), langs[i%5])
		if i%10 == 0 {
			f.gift(b, sp, int64(1000+i)*100, sponsors.KZT)
		}
	}
	b.ResetTimer()
	for range b.N {
		run, err := f.runLetters(b, f.ctx)
		if err != nil || run.Written != 1000 || !run.Combined {
			b.Fatalf("run %+v: %v", run, err)
		}
		b.StopTimer()
		for _, q := range []string{"DELETE FROM letters", "UPDATE letter_runs SET status = 'done'"} {
			if _, err := f.DB.W.ExecContext(f.ctx, q); err != nil {
				b.Fatal(err)
			}
		}
		b.StartTimer()
	}
}
