# Default admin for a fresh install. Change the password after the first login!
AdminUser.find_or_create_by!(email: "admin@northwind.io") do |u|
  u.encrypted_password = "$2b$11$IWwrri6AQvuGiTLU1xBuzuvPgjNxXsQVGkW92KkDuDUpZ1RiQ9eE."
  u.confirmed_at = Time.current
end

Spree::Store.find_or_create_by!(code: "nw") { |s| s.name = "Northwind" }
