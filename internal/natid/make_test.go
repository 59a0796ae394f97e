package natid

import (
	"errors"
	"testing"
	"time"
)

func TestMakeIINRoundTrip(t *testing.T) {
	n := 0
	for d := time.Date(1800, 1, 1, 0, 0, 0, 0, time.UTC); d.Year() < 2100; d = d.AddDate(0, 0, 13) {
		for _, sex := range []Sex{Male, Female} {
			serial := n % 10000
			n++
			num, err := MakeIIN(d, sex, serial)
			if err != nil {
				t.Fatalf("MakeIIN(%v, %s, %d): %v", d, sex, serial, err)
			}
			id, err := ParseIIN(num)
			if err != nil || id.Number != num || !id.BirthDate.Equal(d) || id.Sex != sex {
				t.Fatalf("ParseIIN(MakeIIN(%v, %s, %d) = %s) = %+v, %v", d, sex, serial, num, id, err)
			}
			if err := id.Consistent(d, sex); err != nil {
				t.Fatalf("%s.Consistent(%v, %s) = %v", num, d, sex, err)
			}
		}
	}
	if n < 10000 {
		t.Fatalf("only %d round trips", n)
	}
}

func TestMakeIIN(t *testing.T) {
	boy := time.Date(2008, 6, 15, 0, 0, 0, 0, time.UTC)
	// Serial 17 is never issued on this date (see above); 18 is next.
	if got, err := MakeIIN(boy, Male, 17); got != "080615500181" || err != nil {
		t.Errorf("MakeIIN(serial 17) = %q, %v; want 080615500181", got, err)
	}
	// The calendar date is read in the time's own location.
	almaty := time.FixedZone("Asia/Almaty", 5*3600)
	if got, _ := MakeIIN(time.Date(2015, 3, 7, 0, 30, 0, 0, almaty), Female, 42); got != "150307600424" {
		t.Errorf("MakeIIN(2015-03-07 00:30 +05) = %q, want 150307600424", got)
	}
	for _, y := range []int{1799, 2100} {
		if _, err := MakeIIN(time.Date(y, 1, 1, 0, 0, 0, 0, time.UTC), Male, 1); err != ErrCentury {
			t.Errorf("MakeIIN(year %d) error = %v, want ErrCentury", y, err)
		}
	}
	if _, err := MakeIIN(boy, "", 1); err == nil {
		t.Error("MakeIIN with no sex: no error")
	}
	for _, serial := range []int{-1, 10000} {
		if _, err := MakeIIN(boy, Male, serial); err == nil {
			t.Errorf("MakeIIN(serial %d): no error", serial)
		}
	}
}

func TestConsistent(t *testing.T) {
	id, err := ParseIIN("150307600424")
	if err != nil {
		t.Fatal(err)
	}
	born := time.Date(2015, 3, 7, 0, 0, 0, 0, time.UTC)
	other := time.Date(2015, 7, 3, 0, 0, 0, 0, time.UTC)
	tehran := time.FixedZone("Asia/Tehran", 3*3600+1800)
	tests := []struct {
		birth      time.Time
		sex        Sex
		birthErr   bool
		sexErr     bool
		wantSingle error
	}{
		{born, Female, false, false, nil},
		{time.Date(2015, 3, 7, 23, 0, 0, 0, tehran), Female, false, false, nil},
		{time.Time{}, "", false, false, nil},
		{other, Female, true, false, ErrBirthMismatch},
		{other, "", true, false, ErrBirthMismatch},
		{born, Male, false, true, ErrSexMismatch},
		{time.Time{}, Male, false, true, ErrSexMismatch},
		{other, Male, true, true, nil},
	}
	for _, tc := range tests {
		err := id.Consistent(tc.birth, tc.sex)
		if errors.Is(err, ErrBirthMismatch) != tc.birthErr || errors.Is(err, ErrSexMismatch) != tc.sexErr {
			t.Errorf("Consistent(%v, %q) = %v", tc.birth, tc.sex, err)
		}
		if tc.wantSingle != nil && err != tc.wantSingle {
			t.Errorf("Consistent(%v, %q) = %v, want exactly %v", tc.birth, tc.sex, err, tc.wantSingle)
		}
	}
}
