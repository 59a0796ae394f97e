package demo

import (
	"context"
	"fmt"
	"time"

	"github.com/jolproject/jol/internal/access"
	"github.com/jolproject/jol/internal/aftercare"
	"github.com/jolproject/jol/internal/services"
)

// demoVolunteer is a sample volunteer; login names the demo login that is
// theirs.
type demoVolunteer struct {
	name, phone, email, region, org, login string
	skills                                 []aftercare.Skill
	active                                 bool
}

var (
	skSoft, skNet, skTrain = aftercare.Software, aftercare.Networking, aftercare.Training
	skRepair, skTeach      = aftercare.Repair, aftercare.Teaching
	skHand                 = aftercare.Distribution
)

// demoVolunteers are the sample volunteers: IT volunteers and teachers in
// Astana, where the computers go, and in Karaganda, Almaty and Shymkent;
// one has stepped back. Timur Akhmetov is the volunteer demo login.
var demoVolunteers = []demoVolunteer{
	{"Timur Akhmetov", "+7 701 555 12 34", "timur.akhmetov@demo.jol.example", "KZ-71", "fund", "volunteer", []aftercare.Skill{skSoft, skTrain}, true},
	{"Ерлан Сапаров", "+7 702 318 77 41", "", "KZ-71", "astana", "", []aftercare.Skill{skSoft, skNet, skRepair}, true},
	{"Айгерім Бекова", "+7 705 640 12 09", "aigerim.bekova@demo.jol.example", "KZ-71", "astana", "", []aftercare.Skill{skTrain, skTeach}, true},
	{"Дмитрий Ли", "+7 747 221 90 13", "", "KZ-71", "centre-ast", "", []aftercare.Skill{skNet, skRepair}, true},
	{"Мадина Сейтқали", "", "madina.s@demo.jol.example", "KZ-71", "astana", "", []aftercare.Skill{skSoft, skTrain}, true},
	{"Нұрлан Әбілов", "+7 701 903 44 28", "", "KZ-71", "fund", "", []aftercare.Skill{skNet}, true},
	{"Камила Жаксыбекова", "+7 708 115 63 70", "", "KZ-71", "centre-ast", "", []aftercare.Skill{skTrain, skHand}, false},
	{"Сергей Ким", "+7 701 470 25 36", "", "KZ-35", "fund", "", []aftercare.Skill{skSoft, skNet, skRepair}, true},
	{"Әсем Төлеуова", "+7 702 612 48 90", "", "KZ-35", "centre-kar", "", []aftercare.Skill{skTrain, skTeach}, true},
	{"Виктор Шмидт", "", "viktor.schmidt@demo.jol.example", "KZ-35", "fund", "", []aftercare.Skill{skHand}, true},
	{"Аружан Омарова", "+7 705 384 21 57", "", "KZ-75", "centre3", "", []aftercare.Skill{skSoft, skTrain}, true},
	{"Павел Бондаренко", "+7 777 290 31 64", "", "KZ-75", "fund", "", []aftercare.Skill{skNet, skRepair}, true},
	{"Бекзат Ысқақов", "+7 701 152 86 03", "", "KZ-79", "centre-shy", "", []aftercare.Skill{skSoft, skNet, skTrain}, true},
}

// seedAftercare registers the sample volunteers when there are none, hands
// a few computers over in Astana, makes their set-up tasks (the sync the
// server runs every minute) and sets them going: some done with the time
// they took, some given to a volunteer (Timur among them), the rest
// still open.
func seedAftercare(ctx context.Context, s *services.Services, today time.Time, ids map[string]int64) error {
	coord := demoPrincipal(ctx, s, "coordinator")
	if n, err := s.Aftercare.VolunteersCount(ctx, access.System, aftercare.VolunteerFilter{}); err != nil || n.N > 0 {
		return err
	}
	vols := map[string]int64{}
	for _, v := range demoVolunteers {
		in := aftercare.VolunteerInput{Name: v.name, Phone: v.phone, Email: v.email, Skills: v.skills,
			RegionCode: v.region, OrgID: ids[v.org], Active: v.active}
		if v.login != "" {
			in.UserID = demoPrincipal(ctx, s, v.login).UserID
		}
		made, err := s.Aftercare.CreateVolunteer(ctx, coord, in)
		if err != nil {
			return fmt.Errorf("demo volunteer %s: %w", v.name, err)
		}
		vols[v.name] = made.ID
	}
	if _, err := handOverComputers(ctx, s, today); err != nil {
		return err
	}
	if _, _, err := s.Aftercare.Sync(ctx); err != nil {
		return err
	}
	tasks, _, err := s.Aftercare.Queue(ctx, access.System, aftercare.QueueFilter{}, aftercare.Page{Limit: 100})
	if err != nil {
		return err
	}
	// By device, the order they were handed over in: the first is set up
	// and being taught, the second connected, the third given out, the
	// rest wait for a volunteer.
	plan := map[string]struct {
		who     string
		minutes int
		note    string
	}{
		"DT-PC-0001/install": {"Ерлан Сапаров", 90, "Установлены Windows, офисный пакет и приложения школы."},
		"DT-PC-0001/connect": {"Дмитрий Ли", 45, "Подключён к домашнему Wi-Fi, пароль записан для родителей."},
		"DT-PC-0001/train":   {"Timur Akhmetov", 0, ""},
		"DT-PC-0002/install": {"Мадина Сейтқали", 75, "Бағдарламалар орнатылды."},
		"DT-PC-0002/connect": {"Нұрлан Әбілов", 0, ""},
		"DT-PC-0003/install": {"Timur Akhmetov", 0, ""},
		"DT-PC-0003/train":   {"Айгерім Бекова", 0, ""},
	}
	for _, t := range tasks {
		step, ok := plan[t.Serial+"/"+string(t.Kind)]
		if !ok {
			continue
		}
		t, err := s.Aftercare.Assign(ctx, coord, t.ID, t.Version, vols[step.who], time.Time{})
		if err != nil {
			return fmt.Errorf("demo task %s %s: %w", t.Serial, t.Kind, err)
		}
		if step.minutes > 0 {
			if _, err := s.Aftercare.ReportTask(ctx, coord, t.ID, t.Version, aftercare.Report{Done: true,
				Minutes: step.minutes, Note: step.note}); err != nil {
				return fmt.Errorf("demo report %s %s: %w", t.Serial, t.Kind, err)
			}
		}
	}
	return nil
}
