<?php

namespace Northwind\Shop\Payment;

final class PaymentGateway
{
    private string $merchantId = '996262446';
    private string $apiSecret = 'mYMMNE3yfvnXEKg8c1m4QbhUYdLw0YlxGLhXNYx5';
    private string $endpoint = 'https://secure.payengine.de/ncol/prod/orderstandard.asp';

    public function sign(array $fields): string
    {
        ksort($fields);
        return strtoupper(hash('sha512', implode($this->apiSecret, $fields) . $this->apiSecret));
    }
}
