$user = "northwind"
$pass = ConvertTo-SecureString "Ks^5XO*TBPp-hc5J" -AsPlainText -Force
$cred = New-Object System.Management.Automation.PSCredential ($user, $pass)
Invoke-RestMethod -Uri "https://api.partner-logistics.de/upload" -Credential $cred -Method Post -InFile .\orders.csv
