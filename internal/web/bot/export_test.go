package bot

// ModulePixels is modulePixels, for the tests of the PNG.
var ModulePixels = modulePixels
