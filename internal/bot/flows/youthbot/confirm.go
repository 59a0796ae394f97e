package youthbot

import (
	"strconv"
	"strings"
	"time"

	"github.com/jolproject/jol/internal/access"
	"github.com/jolproject/jol/internal/bot/conv"
	"github.com/jolproject/jol/internal/errs"
	"github.com/jolproject/jol/internal/youth"
)

// stepOf is the step that asks for each field the registration may
// refuse: a refusal sends the chat back there with the reason.
var stepOf = map[string]string{"last_name": "name", "first_name": "name", "patronymic": "name",
	"birth_date": "birth", "region": "region", "settlement": "settlement", "status": "status", "field": "field",
	"goals": "goals", "contact": "phone", "phone": "phone", "guardian_name": "guardian_name",
	"guardian_relation": "guardian_relation", "guardian_contact": "guardian_contact"}

// askConfirm shows the answers and asks for the consent that sends them.
func (b *flows) askConfirm(c *conv.Chat) (conv.Prompt, error) {
	d := c.Data
	region, err := b.s.Geo.Lookup(c.Ctx, d["region"])
	if err != nil {
		return conv.Prompt{}, err
	}
	field, err := b.fieldNamer(c)
	if err != nil {
		return conv.Prompt{}, err
	}
	lines := []string{c.T("youthbot.summary"),
		strings.TrimSpace(d["last"] + " " + d["first"] + " " + d["patronymic"]),
		c.T("youthbot.age_group", "Group", d["group"]),
		region.Name(string(c.L.Locale())), c.T("youth.settlement." + d["settlement"]),
		c.T("youth.status." + d["status"]), field(d["field"])}
	if d["goals"] != "" {
		lines = append(lines, d["goals"])
	}
	if d["guardian_name"] != "" {
		lines = append(lines, c.T("youthbot.summary_guardian", "Name", d["guardian_name"], "Relation", d["guardian_relation"]))
	}
	lines = append(lines, "", c.T("youthbot.consent"))
	return conv.Prompt{Text: strings.Join(lines, "\n"), Choices: [][]conv.Choice{
		{{Label: c.T("youthbot.consent_yes"), Value: "yes"}},
		{{Label: c.T("youthbot.start_again"), Value: "again"}}}}, nil
}

// answerConfirm registers the young person with youth.Service.Register,
// as the web form does, and remembers the chat for them. A refusal goes
// back to the question of the field refused, the reason said.
func (b *flows) answerConfirm(c *conv.Chat, in conv.Input) (conv.Next, error) {
	if in.Choice == "again" {
		return conv.Switch(registerFlow), nil
	}
	head, _ := strconv.ParseInt(c.Data["head"], 10, 64)
	org, err := b.s.Orgs.Get(c.Ctx, access.System, head)
	if err != nil {
		c.Say(c.T("error.youth_no_organisation"))
		return conv.Done(), nil
	}
	birth, _ := time.Parse(time.DateOnly, c.Data["birth"])
	d := c.Data
	reg, err := b.s.Youth.Register(c.Ctx, youth.FormPrincipal(org.ID, org.Path), org.ID, youth.Input{
		LastName: d["last"], FirstName: d["first"], Patronymic: d["patronymic"], Birth: birth,
		RegionCode: d["region"], Settlement: youth.Settlement(d["settlement"]), Status: youth.Status(d["status"]),
		Field: d["field"], Goals: d["goals"], Language: string(c.L.Locale()), Channel: youth.Telegram,
		Contact: youth.Contact{Phone: d["phone"]},
		Guardian: youth.GuardianDetails{Name: d["guardian_name"], Relation: d["guardian_relation"],
			Contact: d["guardian_contact"]}})
	if e := errs.As(err); e != nil && e.Code == errs.Invalid && len(e.Fields) > 0 {
		c.Say(fieldText(c, e.Fields[0]))
		if step := stepOf[e.Fields[0].Field]; step != "" {
			return conv.Goto(step), nil
		}
		return conv.Done(), nil
	} else if e != nil && e.Code == errs.NotFound {
		c.Say(c.T(e.Key, e.Args...))
		return conv.Done(), nil
	} else if err != nil {
		return conv.Next{}, err
	}
	if _, err := c.Tx.ExecContext(c.Ctx, b.q[c.Tx.Engine].Remember, reg.ID, c.ID, c.Now().UTC()); err != nil {
		return conv.Next{}, err
	}
	c.SetLocale(c.L.Locale()) // the news of their mentoring comes in the language they registered in
	if reg.Existing {
		c.Say(c.T("youthbot.registered_before"))
		return conv.Goto("next"), nil
	}
	key, args := reg.Route.Message()
	c.Say(c.T("youthbot.registered") + "\n" + c.T(key, args...))
	if reg.AgeGroup == youth.Teen {
		if err := b.sayGuardianLink(c, reg.ID); err != nil {
			return conv.Next{}, err
		}
	}
	return conv.Goto("next"), nil
}

// askNext offers what comes after the registration: ranking mentors,
// an automatic match, or later.
func askNext(c *conv.Chat) (conv.Prompt, error) {
	return conv.Prompt{Text: c.T("youthbot.ask.next"), Choices: [][]conv.Choice{
		{{Label: c.T("youthbot.choose_mentors"), Value: "choose"}},
		{{Label: c.T("youthbot.later"), Value: "later"}}}}, nil
}

func (b *flows) answerNext(c *conv.Chat, in conv.Input) (conv.Next, error) {
	if in.Choice == "choose" {
		return b.toPick(c)
	}
	return conv.Done(), nil
}
