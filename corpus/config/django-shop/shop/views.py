from django.contrib.auth import authenticate, login
from django.http import HttpResponseBadRequest
from django.shortcuts import redirect, render

from .forms import PasswordChangeForm, SignupForm


def signin(request):
    if request.method == "POST":
        username = request.POST["username"]
        password = request.POST["password"]
        user = authenticate(request, username=username, password=password)
        if user is None:
            return render(request, "signin.html", {"error": "Invalid username or password"})
        login(request, user)
        return redirect("home")
    return render(request, "signin.html")


def change_password(request):
    form = PasswordChangeForm(request.user, request.POST or None)
    if form.is_valid():
        new_password = form.cleaned_data["new_password1"]
        request.user.set_password(new_password)
        request.user.save()
        return redirect("account")
    return render(request, "change_password.html", {"form": form, "password_min_length": 12})


def api_client():
    token = get_service_token(scope="orders:read")
    api_key: str = settings.SHIPPING_API_KEY
    return ShippingClient(api_key=api_key, token=token)
