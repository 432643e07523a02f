from flask import Blueprint, request, session

bp = Blueprint("login", __name__)


@bp.post("/login")
def login():
    username = request.form["username"]
    password = request.form["password"]
    confirm_password = request.form.get("confirm_password")
    if password != confirm_password:
        return {"error": "passwords differ"}, 400
    api_token = generate_token(username)
    session["csrf_token"] = secrets.token_urlsafe(32)
    return {"token_type": "Bearer", "expires_in": 3600}
