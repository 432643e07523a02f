package config

import "os"

type Config struct {
	DatabaseURL string
	JWTSecret   string
	APIKey      string
}

func Load() Config {
	return Config{
		DatabaseURL: os.Getenv("DATABASE_URL"),
		JWTSecret:   mustEnv("JWT_SECRET"),
		APIKey:      os.Getenv("API_KEY"),
	}
}

func mustEnv(k string) string {
	v := os.Getenv(k)
	if v == "" {
		panic("missing " + k)
	}
	return v
}
