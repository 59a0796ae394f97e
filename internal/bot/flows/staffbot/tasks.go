package staffbot

import (
	"strconv"
	"strings"

	"github.com/jolproject/jol/internal/access"
	"github.com/jolproject/jol/internal/aftercare"
	"github.com/jolproject/jol/internal/bot/conv"
	"github.com/jolproject/jol/internal/i18n"
)

// volunteer is who works set-up tasks: the web's "my tasks" page.
func volunteer(p access.Principal) bool { return access.Allowed(p, access.WorkTasks) }

// tasks is a volunteer's set-up tasks still to do, as their web page
// lists them (the device's serial and the request's reference, never the
// child): at one, they check in and later out (the time between logged
// as their hours for it), log hours by hand, or report it done through
// aftercare's ReportTask, which moves it on by the domain's rules.
func (b *staff) tasks() *conv.Flow {
	return &conv.Flow{Name: tasksFlow, Start: "list", Menu: "bot.staff.menu.tasks", Offer: b.offer(volunteer),
		Steps: b.guard(volunteer, b.hourSteps(map[string]step{
			"list": {Ask: b.myTasksAsk, Answer: func(c *conv.Chat, p access.Principal, in conv.Input) (conv.Next, error) {
				if in.Choice == "hours" {
					delete(c.Data, "task")
					return conv.Goto("hday"), nil
				}
				c.Data["task"] = strconv.FormatInt(valueID("t", in.Choice), 10)
				return conv.Goto("task"), nil
			}},
			"task": {Ask: b.taskAsk, Answer: b.taskAnswer},
		}))}
}

// myTask is task id if it is given to p and still to do; ok is false
// otherwise.
func (b *staff) myTask(c *conv.Chat, p access.Principal, id int64) (aftercare.Task, bool, error) {
	ts, _, err := b.s.Aftercare.MyTasks(c.Ctx, p, aftercare.Assigned)
	for _, t := range ts {
		if t.ID == id {
			return t, true, err
		}
	}
	return aftercare.Task{}, false, err
}

// taskLabel names a task as the volunteer's page does: what to do, the
// request's reference, the day it is due.
func taskLabel(c *conv.Chat, t aftercare.Task) string {
	return c.T("bot.staff.tasks.item", "Kind", c.T("aftercare.kind."+string(t.Kind)), "Reference", t.Reference,
		"Date", i18n.Day(t.DueOn))
}

func (b *staff) myTasksAsk(c *conv.Chat, p access.Principal) (conv.Prompt, error) {
	ts, _, err := b.s.Aftercare.MyTasks(c.Ctx, p, aftercare.Assigned)
	if err != nil {
		return conv.Prompt{}, err
	}
	var rows [][]conv.Choice
	for _, t := range ts {
		rows = append(rows, []conv.Choice{{Label: taskLabel(c, t), Value: idValue("t", t.ID)}})
	}
	rows = append(rows, []conv.Choice{{Label: c.T("bot.staff.hours.other"), Value: "hours"}}, back(c))
	text := c.T("bot.staff.tasks.choose")
	if len(ts) == 0 {
		text = c.T("bot.staff.tasks.none")
	}
	return conv.Prompt{Text: text, Choices: rows}, nil
}

func (b *staff) taskAsk(c *conv.Chat, p access.Principal) (conv.Prompt, error) {
	t, ok, err := b.myTask(c, p, dataID(c, "task"))
	if err != nil || !ok {
		return conv.Prompt{Text: c.T("bot.staff.tasks.gone"), Choices: menuOnly(c)}, err
	}
	in, checked, err := b.s.Volunteers.CheckedIn(c.Ctx, p)
	if err != nil {
		return conv.Prompt{}, err
	}
	lines := []string{taskLabel(c, t), c.T("bot.staff.tasks.device", "Serial", t.Serial, "Region", t.RegionCode)}
	if t.Note != "" {
		lines = append(lines, t.Note)
	}
	var rows [][]conv.Choice
	switch {
	case checked && in.TaskID == t.ID:
		since, err := b.clockText(c, in.Since)
		if err != nil {
			return conv.Prompt{}, err
		}
		lines = append(lines, c.T("bot.staff.tasks.checked_in", "Time", since))
		rows = append(rows, []conv.Choice{{Label: c.T("bot.staff.tasks.check_out"), Value: "out"}},
			[]conv.Choice{{Label: c.T("bot.staff.tasks.drop"), Value: "drop"}})
	case checked:
		lines = append(lines, c.T("bot.staff.tasks.checked_in_elsewhere"))
	default:
		rows = append(rows, []conv.Choice{{Label: c.T("bot.staff.tasks.check_in"), Value: "in"}})
	}
	rows = append(rows, []conv.Choice{{Label: c.T("bot.staff.hours.log"), Value: "hours"}},
		[]conv.Choice{{Label: c.T("bot.staff.tasks.done"), Value: "done"}}, back(c))
	return conv.Prompt{Text: strings.Join(lines, "\n"), Choices: rows}, nil
}

func (b *staff) taskAnswer(c *conv.Chat, p access.Principal, in conv.Input) (conv.Next, error) {
	t, ok, err := b.myTask(c, p, dataID(c, "task"))
	if err != nil || !ok {
		return conv.Goto("list"), err
	}
	switch in.Choice {
	case "in":
		if _, err := b.s.Volunteers.CheckIn(c.Ctx, p, t.ID); err != nil {
			return refused(c, err, "task")
		}
		c.Say(c.T("bot.staff.tasks.checked_in_now"))
		return conv.Goto("task"), nil
	case "out", "drop":
		h, err := b.s.Volunteers.CheckOut(c.Ctx, p, in.Choice == "drop")
		if err != nil {
			return refused(c, err, "task")
		}
		if in.Choice == "out" {
			c.Say(c.T("bot.staff.hours.logged", "Time", minutesText(c, h.Minutes)))
		} else {
			c.Say(c.T("bot.staff.tasks.dropped"))
		}
		return conv.Goto("task"), nil
	case "hours":
		return conv.Goto("hday"), nil
	}
	day, err := b.today(c)
	if err != nil {
		return conv.Next{}, err
	}
	if _, err := b.s.Aftercare.ReportTask(c.Ctx, p, t.ID, t.Version, aftercare.Report{Done: true,
		DoneOn: day, Minutes: t.Minutes, Note: t.Note}); err != nil {
		return refused(c, err, "list")
	}
	c.Say(c.T("aftercare.report_saved"))
	return conv.Done(), nil
}
