package names_test

import (
	"fmt"

	"github.com/jolproject/jol/internal/linkage/names"
)

func ExampleFold() {
	fmt.Println(names.Fold("ЖАҚЫП-ов"))
	fmt.Println(names.Fold("Ahmed Şükür"))
	fmt.Println(names.Fold("عليّ"))
	// Output:
	// жақып ов
	// ahmed şükür
	// علی
}

func ExampleLatin() {
	fmt.Println(names.Latin("Щукин Юрий"))
	fmt.Println(names.Latin("Жақыпов Әсел"))
	fmt.Println(names.Latin("Şyñğys Ğalym"))
	fmt.Println(names.Latin("فاطمه زهرا حسینی"))
	fmt.Println(names.Latin("فرامرز"))
	// Output:
	// shchukin iurii
	// zhaqypov asel
	// shyngys galym
	// fatemeh zahra hosseini
	// framrz
}

func ExampleKey() {
	for _, s := range []string{"Mohammad", "Muhammad", "محمد", "Мухаммед", "Hossein", "حسین", "Хусейн",
		"Ержан", "Yerzhan", "Erjan", "Юлия", "Iuliia", "Julia", "Fatemeh", "فاطمه", "Fatima", "Иван", "Иванна"} {
		fmt.Printf("%s %s\n", s, names.Key(s))
	}
	// Output:
	// Mohammad mhmd
	// Muhammad mhmd
	// محمد mhmd
	// Мухаммед mhmd
	// Hossein hsn
	// حسین hsn
	// Хусейн hsn
	// Ержан arjn
	// Yerzhan arjn
	// Erjan arjn
	// Юлия ala
	// Iuliia ala
	// Julia ala
	// Fatemeh ftma
	// فاطمه ftma
	// Fatima ftma
	// Иван avn
	// Иванна avna
}

func ExampleSurname() {
	for _, s := range []string{"Иванова", "Ivanov", "Нұрланқызы", "Nurlan uly", "Достоевская", "حسینی", "Rezaee", "al-Mousavi", "حسین زاده"} {
		fmt.Printf("%s %s\n", s, names.Surname(s))
	}
	// Output:
	// Иванова ivanov
	// Ivanov ivanov
	// Нұрланқызы nurlan
	// Nurlan uly nurlan
	// Достоевская dostoevskii
	// حسینی hossein
	// Rezaee rez
	// al-Mousavi mousav
	// حسین زاده hosseinzadeh
}

func ExampleDigits() {
	fmt.Println(names.Digits("۱۴۰۲/۰۵-10"))
	// Output: 14020510
}
