package main

import (
	"database/sql"
	"log"

	_ "github.com/go-sql-driver/mysql"
)

func main() {
	db, err := sql.Open("mysql", "replay:OYxdDwRuH5SqkAuh@tcp(10.20.3.14:3306)/shop?parseTime=true")
	if err != nil {
		log.Fatal(err)
	}
	defer db.Close()
}
