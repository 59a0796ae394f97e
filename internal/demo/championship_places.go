package demo

import (
	"context"
	"fmt"
	"strings"

	"github.com/jolproject/jol/internal/access"
	"github.com/jolproject/jol/internal/services"
)

// district is a district of Almaty Region the case championship's teams
// and jurors come from.
type district struct {
	code, en, kk, ru string
}

// almatyDistricts are nine districts of Almaty Region as it has been
// since Zhetisu Region was formed from its north in 2022 (Decree of the
// President of Kazakhstan of 8 June 2022 No. 887). ISO 3166-2 codes stop
// at the region; these codes are the demo's own.
var almatyDistricts = []district{
	{"KZ-19-01", "Balkhash District", "Балқаш ауданы", "Балхашский район"},
	{"KZ-19-02", "Enbekshikazakh District", "Еңбекшіқазақ ауданы", "Енбекшиказахский район"},
	{"KZ-19-03", "Ile District", "Іле ауданы", "Илийский район"},
	{"KZ-19-04", "Jambyl District", "Жамбыл ауданы", "Жамбылский район"},
	{"KZ-19-05", "Karasay District", "Қарасай ауданы", "Карасайский район"},
	{"KZ-19-06", "Kegen District", "Кеген ауданы", "Кегенский район"},
	{"KZ-19-07", "Raiymbek District", "Райымбек ауданы", "Райымбекский район"},
	{"KZ-19-08", "Talgar District", "Талғар ауданы", "Талгарский район"},
	{"KZ-19-09", "Uighur District", "Ұйғыр ауданы", "Уйгурский район"},
}

// seedAlmatyDistricts adds almatyDistricts to the regions, through the
// import an administrator uses; a second run changes nothing.
func seedAlmatyDistricts(ctx context.Context, s *services.Services) error {
	var b strings.Builder
	b.WriteString("code,parent_code,type,name_en,name_kk,name_ru\n")
	for _, d := range almatyDistricts {
		fmt.Fprintf(&b, "%s,KZ-19,district,%s,%s,%s\n", d.code, d.en, d.kk, d.ru)
	}
	res, err := s.Geo.Import(ctx, access.System, strings.NewReader(b.String()))
	if err != nil {
		return fmt.Errorf("demo districts: %w", err)
	}
	if res.Rejected > 0 {
		return fmt.Errorf("demo districts: %d rejected: %+v", res.Rejected, res.Errors)
	}
	return nil
}
