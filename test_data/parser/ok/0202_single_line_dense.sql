select order_id,amount*quantity-discount as net,coalesce(note,'')||'!' as note from orders where amount>0 and quantity<>0
