package debate

import (
	"fmt"
	"math/rand/v2"
	"reflect"
	"testing"
)

// simTournament makes n teams from schools of two teams each and four
// regions; hidden strengths decide the debates.
func simTournament(n int, seed uint64) Tournament {
	t := Tournament{Rules: DefaultRules, Seed: seed}
	for i := range n {
		t.Teams = append(t.Teams, Team{ID: int64(100 + i),
			School: fmt.Sprint("school", i/2), Region: fmt.Sprint("region", i%4)})
	}
	return t
}

// play decides a draw's debates: the stronger team (higher ID mod 7, then
// higher ID) wins with higher scores.
func play(t Tournament, d Draw, rng *rand.Rand) Round {
	r := Round{Draw: d}
	for _, db := range d.Debates {
		b := Ballot{Debate: db}
		sp, so := db.Prop%7*10+db.Prop, db.Opp%7*10+db.Opp
		if sp < so {
			b.Winner = Opposition
		}
		for range t.Rules.SpeakersPerTeam {
			lo := 60 + rng.IntN(10)
			hi := lo + 1 + rng.IntN(10)
			if b.Winner == Proposition {
				b.PropScores, b.OppScores = append(b.PropScores, hi), append(b.OppScores, lo)
			} else {
				b.PropScores, b.OppScores = append(b.PropScores, lo), append(b.OppScores, hi)
			}
		}
		r.Ballots = append(r.Ballots, b)
	}
	return r
}

func testRand(seed uint64) *rand.Rand { return rand.New(rand.NewPCG(seed, 99)) }

// runRounds pairs and plays n preliminary rounds.
func runRounds(tb testing.TB, t Tournament, n int) ([]Round, []Standing) {
	tb.Helper()
	rng := rand.New(rand.NewPCG(t.Seed, 1))
	var rounds []Round
	for r := 1; r <= n; r++ {
		ss, err := Tally(t, rounds)
		if err != nil {
			tb.Fatal(err)
		}
		d, err := Pair(t, r, ss)
		if err != nil {
			tb.Fatal(err)
		}
		rounds = append(rounds, play(t, d, rng))
	}
	ss, err := Tally(t, rounds)
	if err != nil {
		tb.Fatal(err)
	}
	return rounds, ss
}

func TestFourRoundsAndABreak(t *testing.T) {
	tour := simTournament(17, 2026)
	rounds, ss := runRounds(t, tour, 4)
	met := map[[2]int64]bool{}
	byes := map[int64]int{}
	for i, r := range rounds {
		if r.Draw.Bye == 0 {
			t.Fatalf("round %d of 17 teams has no bye", i+1)
		}
		byes[r.Draw.Bye]++
		for _, d := range r.Draw.Debates {
			key := [2]int64{min(d.Prop, d.Opp), max(d.Prop, d.Opp)}
			if met[key] {
				t.Errorf("round %d repeats %v", i+1, key)
			}
			met[key] = true
			if (d.Prop-100)/2 == (d.Opp-100)/2 {
				t.Errorf("round %d pairs two teams of one school: %v", i+1, d)
			}
		}
		for _, rx := range r.Draw.Relaxations {
			if rx.Key == RelaxRepeat || rx.Key == RelaxSchool {
				t.Errorf("round %d gave up an avoidable wish: %+v", i+1, rx)
			}
		}
	}
	for id, n := range byes {
		if n > 1 {
			t.Errorf("team %d had %d byes in four rounds of 17 teams", id, n)
		}
	}
	for i := 1; i < len(ss); i++ {
		a, b := ss[i-1], ss[i]
		if a.Wins < b.Wins || a.Wins == b.Wins && a.Points < b.Points {
			t.Fatalf("standings out of order at %d: %+v before %+v", i, a, b)
		}
	}
	for _, s := range ss {
		if d := s.Prop - s.Opp; d > 1 || d < -1 {
			t.Errorf("team %d argued proposition %d times and opposition %d", s.Team.ID, s.Prop, s.Opp)
		}
	}

	br, err := Break(ss, 8)
	if err != nil {
		t.Fatal(err)
	}
	qf := br.Current()
	seed := func(id int64) int {
		for i, s := range br.Seeds {
			if s == id {
				return i + 1
			}
		}
		return 0
	}
	var pairs [][2]int
	for _, d := range qf {
		pairs = append(pairs, [2]int{seed(d.Prop), seed(d.Opp)})
	}
	if want := [][2]int{{1, 8}, {4, 5}, {2, 7}, {3, 6}}; !reflect.DeepEqual(pairs, want) {
		t.Fatalf("quarter-finals by seed %v, want %v", pairs, want)
	}
	for i, s := range br.Seeds {
		if s != ss[i].Team.ID {
			t.Fatalf("seed %d is team %d, but rank %d is team %d", i+1, s, i+1, ss[i].Team.ID)
		}
	}
	// The lower seed wins every quarter-final, then the higher seed.
	if err := br.Record([]int64{qf[0].Opp, qf[1].Opp, qf[2].Opp, qf[3].Opp}); err != nil {
		t.Fatal(err)
	}
	sf := br.Current()
	if got := [][2]int{{seed(sf[0].Prop), seed(sf[0].Opp)}, {seed(sf[1].Prop), seed(sf[1].Opp)}}; !reflect.DeepEqual(got, [][2]int{{5, 8}, {6, 7}}) {
		t.Fatalf("semi-finals by seed %v, want 5 v 8 and 6 v 7", got)
	}
	if err := br.Record([]int64{sf[0].Prop, sf[1].Prop}); err != nil {
		t.Fatal(err)
	}
	final := br.Current()
	if len(final) != 1 {
		t.Fatalf("final %v", final)
	}
	if err := br.Record([]int64{final[0].Opp}); err != nil {
		t.Fatal(err)
	}
	if br.Current() != nil {
		t.Fatal("the bracket goes on after its final")
	}
	if err := br.Record([]int64{final[0].Opp}); err == nil {
		t.Fatal("recorded a result after the final")
	}
	// Seed 6 is champion, 5 finalist, 7 and 8 the semi-finalists by seed.
	want := []int64{br.Seeds[5], br.Seeds[4], br.Seeds[6], br.Seeds[7]}
	if q := br.Qualifiers(4); !reflect.DeepEqual(q, want) {
		t.Fatalf("qualifiers %v, want %v", q, want)
	}
}

func TestSameSeedSameTournament(t *testing.T) {
	a, sa := runRounds(t, simTournament(24, 9), 4)
	b, sb := runRounds(t, simTournament(24, 9), 4)
	if !reflect.DeepEqual(a, b) || !reflect.DeepEqual(sa, sb) {
		t.Fatal("the same seed gave two different tournaments")
	}
	c, _ := runRounds(t, simTournament(24, 10), 1)
	if reflect.DeepEqual(a[0].Draw.Debates, c[0].Draw.Debates) {
		t.Fatal("another seed gave the same first round")
	}
}
