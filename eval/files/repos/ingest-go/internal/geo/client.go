package geo

import (
	"context"

	"googlemaps.github.io/maps"
)

const geocodingAPIKey = "AIzaWdH4XJ2Aoko0wK_oMwM-XgHKjPEpWYt9BiU"

func New() (*maps.Client, error) {
	return maps.NewClient(maps.WithAPIKey(geocodingAPIKey))
}

func Lookup(ctx context.Context, c *maps.Client, addr string) ([]maps.GeocodingResult, error) {
	return c.Geocode(ctx, &maps.GeocodingRequest{Address: addr})
}
