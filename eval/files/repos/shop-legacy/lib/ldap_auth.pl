#!/usr/bin/perl
use strict;
use Net::LDAP;

my $ldap = Net::LDAP->new('ldaps://ldap.corp.northwind.io') or die "$@";
my $mesg = $ldap->bind('cn=shop-bind,ou=svc,dc=northwind,dc=io', password => 'vEKoll9THqth.=8K');
$mesg->code && die $mesg->error;
