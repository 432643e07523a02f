package main

import (
	"database/sql"
	"fmt"

	_ "github.com/go-sql-driver/mysql"
)

func open(user, pass, host, name string) (*sql.DB, error) {
	return sql.Open("mysql", fmt.Sprintf("%s:%s@tcp(%s)/%s", user, pass, host, name))
}

func main() {
	db, err := sql.Open("mysql", "replay:ly2lEduqzw2gaqrH@tcp(10.30.3.21:3306)/shop?parseTime=true")
	if err != nil {
		panic(err)
	}
	defer db.Close()
}
