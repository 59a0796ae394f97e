package web

import "github.com/jolproject/jol/internal/access"

// maxUploadBytes bounds an uploaded file (a region import); every other
// route keeps the form limit, maxFormBytes.
const maxUploadBytes = 10 << 20

// routes is the whole web surface in one table: method, path, the action a
// caller must be allowed, and the handler. The authorization test walks
// this table for every role.
func (s *Server) routes() []route {
	return []route{
		{"GET", "/login", "", s.loginForm, 0},
		{"POST", "/login", "", s.login, 0},
		{"POST", "/logout", "", s.logout, 0},
		{"POST", "/locale", "", s.setLocale, 0},
		{"GET", "/setup", "", s.setupForm, 0},
		{"POST", "/setup", "", s.setup, 0},
		{"GET", "/{$}", access.ViewHome, s.home, 0},

		{"GET", "/admin/users", access.ManageUsers, s.users, 0},
		{"GET", "/admin/users/new", access.ManageUsers, s.userNew, 0},
		{"POST", "/admin/users", access.ManageUsers, s.userCreate, 0},
		{"GET", "/admin/users/{id}", access.ManageUsers, s.user, 0},
		{"POST", "/admin/users/{id}", access.ManageUsers, s.userUpdate, 0},
		{"POST", "/admin/users/{id}/password", access.ManageUsers, s.userPassword, 0},

		{"GET", "/tokens", access.ManageOwnToken, s.tokens, 0},
		{"POST", "/tokens", access.ManageOwnToken, s.tokenCreate, 0},
		{"POST", "/tokens/{id}/revoke", access.ManageOwnToken, s.tokenRevoke, 0},

		{"GET", "/organisations", access.ViewOrgs, s.orgList, 0},
		{"GET", "/organisations/new", access.ManageOrgs, s.orgNew, 0},
		{"POST", "/organisations", access.ManageOrgs, s.orgCreate, 0},
		{"GET", "/organisations/{id}", access.ViewOrgs, s.org, 0},
		{"POST", "/organisations/{id}", access.ManageOrgs, s.orgUpdate, 0},

		{"GET", "/people", access.ViewChild, s.peopleList, 0},
		{"GET", "/people/export.csv", access.ViewChild, s.peopleExportCSV, 0},
		{"GET", "/people/export.xlsx", access.ViewChild, s.peopleExportXLSX, 0},
		{"GET", "/people/new", access.EditChild, s.personNew, 0},
		{"POST", "/people", access.EditChild, s.personCreate, 0},
		{"GET", "/people/{id}", access.ViewChild, s.person, 0},
		{"GET", "/people/{id}/edit", access.EditChild, s.personEdit, 0},
		{"POST", "/people/{id}", access.EditChild, s.personUpdate, 0},
		{"POST", "/people/{id}/consents", access.EditChild, s.consentGive, 0},
		{"POST", "/people/{id}/consents/{purpose}/withdraw", access.EditChild, s.consentWithdraw, 0},
		{"POST", "/people/{id}/categories", access.EditChild, s.categoryAssign, 0},
		{"POST", "/people/{id}/categories/{code}/remove", access.EditChild, s.categoryRemove, 0},
		{"POST", "/people/{id}/assessments", access.EditChild, s.assessmentRecord, 0},
		{"GET", "/people/{id}/photo", access.ViewChild, s.photo, 0},
		{"GET", "/people/{id}/photo/edit", access.EditChild, s.photoEdit, 0},
		{"POST", "/people/{id}/photo", access.EditChild, s.photoUpload, maxUploadBytes},
		{"POST", "/people/{id}/photo/remove", access.EditChild, s.photoRemove, 0},
		{"GET", "/people/{id}/guardians", access.EditChild, s.guardians, 0},
		{"POST", "/people/{id}/guardians", access.EditChild, s.guardianAdd, 0},
		{"POST", "/people/{id}/guardians/{guardian}/remove", access.EditChild, s.guardianRemove, 0},
		{"GET", "/people/{id}/merge", access.EditChild, s.mergeForm, 0},
		{"POST", "/people/{id}/merge", access.EditChild, s.personMerge, 0},
		// Undoing a merge is for administrators: the handler refuses others.
		{"POST", "/people/{id}/merges/{merge}/undo", access.EditChild, s.mergeUndo, 0},

		{"GET", "/assessments", access.ViewChild, s.assessmentList, 0},
		{"GET", "/places", access.ViewChild, s.places, 0},
		{"POST", "/places", access.EditChild, s.offerCreate, 0},
		{"GET", "/places/{id}", access.ViewChild, s.offer, 0},
		{"POST", "/places/{id}/placements", access.EditChild, s.placeChild, 0},
		{"POST", "/places/{id}/placements/{placement}/outcome", access.EditChild, s.placementOutcome, 0},

		{"GET", "/imports", access.EditChild, s.importList, 0},
		{"GET", "/imports/new", access.EditChild, s.importNew, 0},
		{"POST", "/imports", access.EditChild, s.importUpload, maxListUploadBytes},
		{"GET", "/imports/{id}", access.EditChild, s.importPreview, 0},
		{"POST", "/imports/{id}/template", access.EditChild, s.importTemplateSave, 0},
		{"POST", "/imports/{id}/runs", access.EditChild, s.importStart, 0},
		{"GET", "/imports/{id}/runs/{run}", access.EditChild, s.importRun, 0},
		{"GET", "/imports/{id}/runs/{run}/errors.csv", access.EditChild, s.importErrorsCSV, 0},
		{"GET", "/imports/{id}/runs/{run}/errors.xlsx", access.EditChild, s.importErrorsXLSX, 0},

		{"GET", "/households", access.ViewChild, s.householdList, 0},
		{"GET", "/households/new", access.EditChild, s.householdNew, 0},
		{"POST", "/households", access.EditChild, s.householdCreate, 0},
		{"GET", "/households/{id}", access.ViewChild, s.household, 0},
		{"GET", "/households/{id}/edit", access.EditChild, s.householdEdit, 0},
		{"POST", "/households/{id}", access.EditChild, s.householdUpdate, 0},
		{"POST", "/households/{id}/members", access.EditChild, s.memberAdd, 0},
		{"POST", "/households/{id}/members/{person}/remove", access.EditChild, s.memberRemove, 0},
		{"POST", "/households/{id}/head", access.EditChild, s.headSet, 0},

		{"GET", "/regions", access.ViewRegions, s.regions, 0},
		{"GET", "/admin/regions/import", access.ManageRegions, s.regionImportForm, 0},
		{"POST", "/admin/regions/import", access.ManageRegions, s.regionImport, maxUploadBytes},

		{"GET", "/admin/jobs", access.ViewJobs, s.jobList, 0},
		{"GET", "/admin/jobs/{id}", access.ViewJobs, s.job, 0},
		{"POST", "/admin/jobs/{id}/retry", access.ViewJobs, s.jobRetry, 0},

		{"GET", "/admin/audit", access.ViewAudit, s.auditLog, 0},
		{"GET", "/admin/access-log", access.ViewAudit, s.accessLog, 0},

		{"GET", "/admin/settings", access.ManageSettings, s.settingsForm, 0},
		{"POST", "/admin/settings", access.ManageSettings, s.settingsUpdate, 0},
	}
}

// RouteInfo describes one page route for tests and documentation.
type RouteInfo struct {
	Method  string
	Pattern string
	Action  access.Action // "" for public pages
	MaxBody int64         // the largest request body the route accepts
}

// Routes lists the web routes.
func (s *Server) Routes() []RouteInfo {
	var out []RouteInfo
	for _, rt := range s.routes() {
		n := rt.maxBody
		if n <= 0 {
			n = maxFormBytes
		}
		out = append(out, RouteInfo{Method: rt.method, Pattern: rt.pattern, Action: rt.action, MaxBody: n})
	}
	return out
}
