package data

import (
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
)

// UserConfig is the per-user program state (not company data): kept in the user config dir.
type UserConfig struct {
	LastFile    string   `json:"last_file"`
	RecentFiles []string `json:"recent_files,omitempty"`
	Theme       string   `json:"theme,omitempty"` // "", "light", "dark"
}

// ConfigDir is where Duebook keeps its per-user state; DUEBOOK_CONFIG_DIR overrides it.
func ConfigDir() (string, error) {
	if d := os.Getenv("DUEBOOK_CONFIG_DIR"); d != "" {
		return d, nil
	}
	d, err := os.UserConfigDir()
	if err != nil {
		return "", err
	}
	return filepath.Join(d, "duebook"), nil
}

// LoadConfig reads the user config (an empty one when there is none yet).
func LoadConfig() (UserConfig, error) {
	var c UserConfig
	dir, err := ConfigDir()
	if err != nil {
		return c, err
	}
	b, err := os.ReadFile(filepath.Join(dir, "config.json"))
	if errors.Is(err, os.ErrNotExist) {
		return c, nil
	}
	if err != nil {
		return c, err
	}
	return c, json.Unmarshal(b, &c)
}

// SaveConfig writes the user config atomically.
func SaveConfig(c UserConfig) error {
	dir, err := ConfigDir()
	if err != nil {
		return err
	}
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return err
	}
	b, err := json.MarshalIndent(c, "", "  ")
	if err != nil {
		return err
	}
	tmp := filepath.Join(dir, "config.json.tmp")
	if err := os.WriteFile(tmp, b, 0o600); err != nil {
		return err
	}
	return os.Rename(tmp, filepath.Join(dir, "config.json"))
}

// RememberFile records path as the last company file used.
func RememberFile(path string) error {
	abs, err := filepath.Abs(path)
	if err != nil {
		return err
	}
	c, err := LoadConfig()
	if err != nil {
		c = UserConfig{}
	}
	c.LastFile = abs
	recent := []string{abs}
	for _, f := range c.RecentFiles {
		if f != abs && len(recent) < 8 {
			recent = append(recent, f)
		}
	}
	c.RecentFiles = recent
	return SaveConfig(c)
}
