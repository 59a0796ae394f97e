package youthbot

import (
	"github.com/jolproject/jol/internal/bot/conv"
	"github.com/jolproject/jol/internal/errs"
	"github.com/jolproject/jol/internal/youth"
)

// sayGuardianLink issues young person id a new guardian link
// (youth.Service.GuardianLinkFor, the young person's own request) and
// says it once, for them to send to their parent or guardian: the whole
// address when the installation has set the site's address, else the
// page's path on the site. A refusal (an adult, a consent already given,
// a guardian who said no) is said instead.
func (b *flows) sayGuardianLink(c *conv.Chat, id int64) error {
	l, err := b.s.Youth.GuardianLinkFor(c.Ctx, id)
	if e := errs.As(err); e != nil && e.Code == errs.Conflict {
		c.Say(c.T(e.Key, e.Args...))
		return nil
	} else if err != nil {
		return err
	}
	set, err := b.s.Settings.GetIn(c.Ctx, c.Tx)
	if err != nil {
		return err
	}
	days := int(youth.GuardianLinkTTL.Hours()) / 24
	if set.SiteAddress == "" {
		c.Say(c.T("youthbot.guardian_path", "Path", l.Path(), "Site", set.Name, "Days", days))
		return nil
	}
	c.Say(c.T("youthbot.guardian_link", "Link", set.SiteAddress+l.Path(), "Days", days))
	return nil
}
