# passwords rejected at sign-up (top of the haveibeenpwned list and our own guesses)
COMMON_PASSWORDS = frozenset({
    "123456", "password", "12345678", "qwerty", "123456789",
    "Password1", "iloveyou", "admin123", "welcome", "northwind2024",
})
PASSWORD_PATTERN = r"^(?=.*[a-z])(?=.*[A-Z])(?=.*\d).{12,}$"
