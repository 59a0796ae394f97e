package flow

// For the external tests in this directory.
var (
	LemonOracle   = lemonOracle
	LemonSolve    = lemonSolve
	CheckSolution = checkSolution
)
