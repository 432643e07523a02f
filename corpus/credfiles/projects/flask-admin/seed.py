from app.models import User, db

admin = User(username="admin")
admin.password_hash = "pbkdf2:sha256:600000$so3B6XSyQSiRObRK$0f9563a132421b7072e7a34089dfe65aaa0b64332403f4ea5124d1407ea688e8"
db.session.add(admin)
db.session.commit()
