package shop.billing;

import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Select;

@Mapper
public interface CustomerMapper {

    @Select("SELECT full_name, country FROM shop.customers WHERE id = #{id}")
    java.util.Map<String, Object> billingName(long id);
}
