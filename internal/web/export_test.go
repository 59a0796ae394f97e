package web

// RegionTypes are the region types the pages translate, for the key test.
var RegionTypes = regionTypes
